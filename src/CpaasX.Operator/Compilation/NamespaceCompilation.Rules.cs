using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Api.Validation;
using CpaasX.Operator.Runtime.Client;

using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Compilation;

// The rules the verdict stage applies: validity, uniqueness, references, compatibility, and the keys that make objects collide.
internal sealed partial class NamespaceCompilation
{
    // Each stage records the verdict of the objects that fail its rule and hands the others to the next stage.
    private List<T> Pass<T>(IEnumerable<T> objects, Func<T, Verdict?> rule)
        where T : ICustomResource
    {
        List<T> passing = [];
        foreach (var item in objects)
        {
            if (rule(item) is Verdict verdict)
            {
                _verdicts[item] = verdict;
            }
            else
            {
                passing.Add(item);
            }
        }

        return passing;
    }

    // Among the objects that are not deleting, one per key: the oldest. Objects without a key are not subject to it.
    private List<T> Unique<T>(List<T> passing, Func<T, string?> key, Func<T, T, Verdict> loser)
        where T : ICustomResource
    {
        var winners = Winners.Oldest(
            passing.Where(item => !IsDeleting(item) && key(item) is not null), item => key(item)!);
        return Pass(passing, item =>
            IsDeleting(item) || key(item) is not string itemKey || ReferenceEquals(winners[itemKey], item) ? null : loser(item, winners[itemKey]));
    }

    private void Resolve<T>(IEnumerable<T> passing)
        where T : ICustomResource
    {
        foreach (var item in passing)
        {
            _verdicts[item] = Verdict.Resolved;
        }
    }

    private static Verdict? Invalid(ICustomResource item)
    {
        IEnumerable<ValidationError> errors = item.Metadata is null ? [new("metadata", "Required value")]
            : item.SpecObject is null ? [new("spec", "Required value")]
            // Status is the operator's to write; a stale or foreign status does not make the object invalid.
            : ObjectValidator.Validate(item, includeStatus: false);
        var violations = string.Join("; ", errors);
        return violations.Length == 0 ? null : new Verdict(ConditionReasons.Invalid, violations);
    }

    private Verdict? DuplicateOf(Resource resource)
    {
        if (IsDeleting(resource) || ResourceValues.Key(resource.Spec) is not string key)
        {
            return null;
        }

        var localWinner = _localWinners[key];
        ResourceDeclaration local = new(_snapshot.Namespace, localWinner.Metadata?.Name ?? "", localWinner.Metadata?.CreationTimestamp);
        var foreign = _index.DeclarationsOf(key).FirstOrDefault(declaration => declaration.Namespace != _snapshot.Namespace);
        var winner = foreign is not null && foreign.CompareTo(local) < 0 ? foreign : local;
        return winner.Namespace == _snapshot.Namespace && winner.Name == resource.Metadata.Name
            ? null
            : new Verdict(
                ConditionReasons.Duplicate,
                $"{ResourceValues.StatusValue(resource.Spec)} is already declared by Resource {winner}, which is older; a resource is bought once");
    }

    // The first reference, as Referrers lists them, that does not reach an object that is Ready and not being deleted.
    private Verdict? BrokenReference(ICustomResource item) => Referrers.References(item)
        .Select(target => target.Kind switch
        {
            nameof(Application) => Missing(target.Kind, target.Reference, _applications),
            nameof(Entity) => Missing(target.Kind, target.Reference, _entities),
            _ => Missing(target.Kind, target.Reference, _resources),
        })
        .FirstOrDefault(verdict => verdict is not null);

    private Verdict? Missing<T>(string kind, LocalObjectReference? reference, Dictionary<string, T> targets)
        where T : ICustomResource
    {
        if (reference is null)
        {
            return null;
        }

        var problem = !targets.TryGetValue(reference.Name, out var target)
                ? _undecodable.TryGetValue((kind, reference.Name), out var undecodable)
                    ? $"is not Ready ({ConditionReasons.Undecodable}: {undecodable.Problem})"
                    : "not found"
            : IsDeleting(target) ? "is being deleted"
            : _verdicts[target] is { IsReady: false } verdict ? $"is not Ready ({verdict.Reason})"
            : null;
        return problem is null ? null : new Verdict(ConditionReasons.ReferenceNotFound, $"{kind} {reference.Name} {problem}");
    }

    private static Verdict Conflict(string message) => new(ConditionReasons.Conflict, message);

    private static Verdict? Incompatible(string? misfit) => misfit is null ? null : new(ConditionReasons.Incompatible, misfit);

    private string AssociationKey(ResourceAssociation association) => string.Join(
        KeySeparator, association.Spec.ResourceRef!.Name, association.Spec.Channel, _resolved[association].ApplicationId, _resolved[association].EntityId);

    private static string? VoiceKey(ResourceAssociation association) =>
        association.Spec.Channel == Channel.Voice ? association.Spec.ResourceRef!.Name : null;

    private string StrategyKey(SenderStrategy strategy) => string.Join(
        KeySeparator,
        ApplicationIdOf(strategy.Spec.ApplicationRef),
        EntityIdOf(strategy.Spec.EntityRef),
        strategy.Spec.Channel,
        strategy.Spec.DestinationCountryCode);

    private static string InboundKey(InboundConfiguration configuration) => string.Join(
        KeySeparator, configuration.Spec.ResourceRef!.Name, configuration.Spec.Channel, configuration.Spec.Keyword?.ToUpperInvariant());

    // The route the routing table gives the configuration, and which level decided it.
    private EffectiveRoute EffectiveRouteOf(InboundConfiguration configuration)
    {
        var spec = configuration.Spec;
        var resource = _resources[spec.ResourceRef!.Name];
        var configurationLevel = InboundFallThrough.LevelRoute(
            ApplicationIdOf(spec.ApplicationRef), EntityIdOf(spec.EntityRef), RouteSources.Of(nameof(InboundConfiguration), configuration.Metadata.Name));
        var numberLevel = InboundFallThrough.LevelRoute(
            ApplicationIdOf(resource.Spec.ApplicationRef), EntityIdOf(resource.Spec.EntityRef), RouteSources.Of(nameof(Resource), resource.Metadata.Name));
        var route = InboundFallThrough.Route(configurationLevel, numberLevel);
        return new EffectiveRoute
        {
            ApplicationId = route.ApplicationId,
            EntityId = route.EntityId,
            Source = ReferenceEquals(route, configurationLevel) ? RouteSource.Configuration
                : ReferenceEquals(route, numberLevel) ? RouteSource.Resource
                : RouteSource.Default,
        };
    }
}
