namespace CpaasX.Operator.PlatformSync;

/// <summary>The plan's number levels and inbound configurations, after the strategies and before deletes of applications and entities.</summary>
public static partial class SyncPlanner
{
    private const int InboundPhase = 4;

    private static void PlanInbound(PlanBuilder plan, DeclaredAccount declared, AccountState account)
    {
        // Numbers are bought, never by the sync: a declared one the account lacks is reported; a held one is updated.
        var numbers = account.Numbers.ToDictionary(number => number.NumberKey, StringComparer.Ordinal);
        foreach (var item in declared.Numbers)
        {
            if (!numbers.TryGetValue(item.Value.NumberKey, out var current))
            {
                plan.Report($"{PlatformKind.Number} {item.Value.NumberKey}: declared by {item.Owner}, not on the account (numbers are bought, never by the sync)");
            }
            else if (current == item.Value)
            {
                plan.Matches(PlatformKind.Number, item.Value.NumberKey, item.Owner);
            }
            else
            {
                plan.Write(InboundPhase, new(PlanAction.Update, PlatformKind.Number, item.Value.NumberKey, item.Owner, item.Value,
                    $"number level is {current.ApplicationId}/{current.EntityId ?? "-"} on the account"));
            }
        }

        // Configurations have server keys: matched on (number, channel, keyword); a changed one is updated in place.
        HashSet<string> used = [];
        var heldByKey = account.InboundConfigurations.ToLookup(held => held.Key);
        foreach (var item in declared.InboundConfigurations)
        {
            var held = heldByKey[item.Value.Key]
                .Where(candidate => !used.Contains(candidate.ConfigurationKey!))
                .OrderBy(candidate => candidate.SameTarget(item.Value) ? 0 : 1)
                .FirstOrDefault();
            if (held is null)
            {
                plan.Write(InboundPhase, new(PlanAction.Create, PlatformKind.InboundConfiguration, item.Value.Key.ToString(), item.Owner, item.Value, "declared, not on the account"));
                continue;
            }

            used.Add(held.ConfigurationKey!);
            if (held.SameTarget(item.Value))
            {
                plan.Matches(PlatformKind.InboundConfiguration, held.ConfigurationKey!, item.Owner, held.Key.Listing);
                plan.ConfigurationKeys[item.Owner] = held.ConfigurationKey!;
            }
            else
            {
                plan.Write(InboundPhase, new(PlanAction.Update, PlatformKind.InboundConfiguration, held.ConfigurationKey!, item.Owner,
                    item.Value with { ConfigurationKey = held.ConfigurationKey }, $"tags {held} on the account"));
            }
        }

        foreach (var extra in account.InboundConfigurations.Where(held => !used.Contains(held.ConfigurationKey!)))
        {
            plan.Undeclared(InboundPhase, PlatformKind.InboundConfiguration, extra.ConfigurationKey!, extra, "");
        }
    }
}
