namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// Computes the plan that makes the account hold what the namespace declares. The order is the order of dependence
/// and importance: applications and entities first (associations and strategies name them), then associations
/// (deletes before creates, so a moved resource is free before it is associated again), then sending strategies
/// (deletes before creates: the platform has no update), then numbers' number level and inbound configurations
/// (<c>SyncPlanner.Inbound.cs</c>), and deletes of applications and entities last, after
/// nothing of ours names them (the platform resets a deleted application's resources to <c>default</c>).
/// </summary>
/// <remarks>
/// An account object Git does not declare is deleted only when the record says this namespace manages it, and then
/// only when its declaring object still exists and is Ready (it was edited: a moved association), or is being
/// deleted and nothing holds it any more (its finalizer waits for this delete), or when its object is gone and
/// <paramref name="prune"/> is on and the operator created it. Everything else is reported. The
/// account's <c>default</c> application is never touched.
/// </remarks>
public static partial class SyncPlanner
{
    public static SyncPlan Plan(DeclaredAccount declared, AccountState account, SyncRecord record, bool prune)
    {
        PlanBuilder plan = new(declared, record, prune);

        foreach ((var kind, var wanted, var held) in
            new[] { (PlatformKind.Application, declared.Applications, account.Applications), (PlatformKind.Entity, declared.Entities, account.Entities) })
        {
            var byId = held.ToDictionary(item => item.Id, StringComparer.Ordinal);
            foreach (var item in wanted)
            {
                if (!byId.TryGetValue(item.Value.Id, out var current))
                {
                    plan.Write(0, new(PlanAction.Create, kind, item.Value.Id, item.Owner, item.Value, "declared, not on the account"));
                }
                else if (item.Value.Name is not null && item.Value.Name != current.Name)
                {
                    plan.Write(0, new(PlanAction.Update, kind, item.Value.Id, item.Owner, item.Value, $"name is \"{current.Name}\" on the account"));
                }
                else
                {
                    plan.Matches(kind, item.Value.Id, item.Owner);
                }
            }

            HashSet<string> wantedIds = [.. wanted.Select(item => item.Value.Id)];
            foreach (var extra in held.Where(item => !wantedIds.Contains(item.Id) && item.Id != DeclaredAccount.DefaultApplication))
            {
                var cascade = kind == PlatformKind.Application
                    ? account.Associations.Count(association => association.ApplicationId == extra.Id)
                    : account.Associations.Count(association => association.EntityId == extra.Id);
                plan.Undeclared(5, kind, extra.Id, extra,
                    cascade == 0 ? "" : $"; the platform resets its {cascade} association(s) to application default and no entity");
            }
        }

        HashSet<AssociationKey> heldAssociations = [.. account.Associations];
        HashSet<AssociationKey> wantedAssociations = [.. declared.Associations.Select(item => item.Value)];
        foreach (var extra in account.Associations.Where(item => !wantedAssociations.Contains(item)))
        {
            plan.Undeclared(1, PlatformKind.Association, extra.ToString(), extra, "");
        }

        foreach (var item in declared.Associations)
        {
            if (heldAssociations.Contains(item.Value))
            {
                plan.Matches(PlatformKind.Association, item.Value.ToString(), item.Owner);
            }
            else
            {
                plan.Write(2, new(PlanAction.Create, PlatformKind.Association, item.Value.ToString(), item.Owner, item.Value, "declared, not on the account"));
            }
        }

        PlanStrategies(plan, declared, account);
        PlanInbound(plan, declared, account);
        return plan.Build();
    }

    // Strategies have server IDs and no update: matched on the natural key; a changed one is replaced.
    private static void PlanStrategies(PlanBuilder plan, DeclaredAccount declared, AccountState account)
    {
        HashSet<string> used = [];
        foreach (var item in declared.Strategies)
        {
            List<PlatformStrategy> sameKey = [.. account.Strategies.Where(held => held.Key == item.Value.Key && !used.Contains(held.Id!))];
            if (sameKey.FirstOrDefault(held => held.SameSettings(item.Value)) is PlatformStrategy match)
            {
                used.Add(match.Id!);
                plan.Matches(PlatformKind.SendingStrategy, match.Id!, item.Owner);
                plan.StrategyIds[item.Owner] = match.Id!;
                continue;
            }

            var changed = sameKey.FirstOrDefault();
            if (changed is not null)
            {
                used.Add(changed.Id!);
                plan.Write(3, new(PlanAction.Delete, PlatformKind.SendingStrategy, changed.Id!, item.Owner, changed, $"{item.Value.Key} differs; the platform has no update, so it is replaced"));
            }

            plan.Write(4, new(PlanAction.Create, PlatformKind.SendingStrategy, item.Value.Key.ToString(), item.Owner, item.Value,
                changed is null ? "declared, not on the account" : "replacement with the declared settings"));
        }

        foreach (var extra in account.Strategies.Where(held => !used.Contains(held.Id!)))
        {
            plan.Undeclared(3, PlatformKind.SendingStrategy, extra.Id!, extra, "");
        }
    }

    private sealed class PlanBuilder(DeclaredAccount declared, SyncRecord record, bool prune)
    {
        private readonly List<(int Phase, PlannedOperation Operation)> _writes = [];
        private readonly List<(PlatformKind, string, string, InboundListing?)> _adoptions = [];
        private readonly List<string> _reported = [];
        private int _inSync;

        public Dictionary<string, string> StrategyIds { get; } = [];

        public Dictionary<string, string> ConfigurationKeys { get; } = [];

        public void Report(string line) => _reported.Add(line);

        public void Write(int phase, PlannedOperation operation) => _writes.Add((phase, operation));

        public void Matches(PlatformKind kind, string key, string owner, InboundListing? listing = null)
        {
            _inSync++;
            if (record.Find(kind, key) is null)
            {
                _adoptions.Add((kind, key, owner, listing));
            }
        }

        // An account object Git does not declare: deleted or reported, by the rules in the class remarks.
        public void Undeclared(int phase, PlatformKind kind, string key, object current, string cascade)
        {
            var entry = record.Find(kind, key);
            var why = entry switch
            {
                null => null,
                _ when declared.ReadyOwners.Contains(entry.Owner) => $"{entry.Owner} no longer declares it",
                _ when declared.PresentOwners.Contains(entry.Owner) => null,
                _ when declared.Released.Contains(entry.Owner) => $"{entry.Owner} is being deleted",
                { Created: true } when prune => $"{entry.Owner} is gone and prune is on",
                _ => null,
            };
            if (why is not null)
            {
                Write(phase, new(PlanAction.Delete, kind, key, entry!.Owner, current, why + cascade));
                return;
            }

            _reported.Add(entry switch
            {
                null => $"{kind} {key}: on the account, not in Git (not managed here; never deleted)",
                _ when declared.PresentOwners.Contains(entry.Owner) => $"{kind} {key}: kept while {entry.Owner} is not Ready",
                { Created: false } => $"{kind} {key}: {entry.Owner} is gone; adopted, not created here, so never pruned",
                _ => $"{kind} {key}: {entry.Owner} is gone; kept because prune is off",
            });
        }

        public SyncPlan Build() => new(
            [.. _writes.OrderBy(write => write.Phase).Select(write => write.Operation)],
            _adoptions,
            _reported,
            declared.NotSynced,
            _inSync,
            StrategyIds)
        {
            ConfigurationKeys = ConfigurationKeys,
        };
    }
}
