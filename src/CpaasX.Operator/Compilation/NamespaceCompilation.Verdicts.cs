using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Compilation;

// Stage 1: the verdict of each object, kind by kind in reference order (see Run).
internal sealed partial class NamespaceCompilation
{
    private void DecideApplications()
    {
        var passing = Pass(_snapshot.Applications, Invalid);
        passing = Unique(passing, application => application.EffectiveApplicationId, (application, winner) => Conflict(
            $"applicationId {application.EffectiveApplicationId} is already used by Application {winner.Metadata.Name}, which is older"));
        Resolve(passing);
    }

    private void DecideEntities()
    {
        var passing = Pass(_snapshot.Entities, Invalid);
        passing = Unique(passing, entity => entity.EffectiveEntityId, (entity, winner) => Conflict(
            $"entityId {entity.EffectiveEntityId} is already used by Entity {winner.Metadata.Name}, which is older"));
        Resolve(passing);
    }

    private void DecideResources()
    {
        // Every Resource with a value counts, valid or not, as every declaration in other namespaces does.
        _localWinners = Winners.Oldest(
            _snapshot.Resources.Where(resource => !IsDeleting(resource) && ResourceValues.Key(resource.Spec) is not null),
            resource => ResourceValues.Key(resource.Spec)!);

        var passing = Pass(_snapshot.Resources, Invalid);
        passing = Pass(passing, DuplicateOf);
        passing = Pass(passing, BrokenReference);
        Resolve(passing);
    }

    private void DecideAssociations()
    {
        var passing = Pass(_snapshot.ResourceAssociations, Invalid);
        passing = Pass(passing, BrokenReference);
        foreach (var association in passing)
        {
            var resource = _resources[association.Spec.ResourceRef!.Name];
            _resolved[association] = new ResolvedAssociation
            {
                ResourceType = resource.Spec.Type,
                Value = ResourceValues.StatusValue(resource.Spec),
                ApplicationId = ApplicationIdOf(association.Spec.ApplicationRef) ?? RouteSources.DefaultApplicationId,
                EntityId = EntityIdOf(association.Spec.EntityRef),
                Channel = association.Spec.Channel,
            };
        }

        passing = Pass(passing, association =>
            Incompatible(ChannelFit.ForAssociation(_resources[association.Spec.ResourceRef!.Name], association.Spec.Channel!.Value)));
        passing = Unique(passing, AssociationKey, (association, winner) => Conflict(
            $"ResourceAssociation {winner.Metadata.Name} already links the same resource, channel, application and entity, and is older"));
        passing = Unique(passing, VoiceKey, (association, winner) => Conflict(
            $"Resource {association.Spec.ResourceRef!.Name} already has a VOICE association, {winner.Metadata.Name}, which is older; a number has one voice action"));
        Resolve(passing);
    }

    private void DecideStrategies()
    {
        var passing = Pass(_snapshot.SenderStrategies, Invalid);
        passing = Pass(passing, BrokenReference);
        passing = Unique(passing, StrategyKey, (strategy, winner) => Conflict(
            $"SenderStrategy {winner.Metadata.Name} already covers the same application, entity, channel and country, and is older"));

        StrategyPools pools = new(_snapshot.ResourceAssociations.Where(IsAvailable).Select(association =>
            (association, _resolved[association], SenderOf(_resources[association.Spec.ResourceRef!.Name]))));
        foreach (var strategy in passing)
        {
            _pools[strategy] = pools.For(strategy.Spec, ApplicationIdOf(strategy.Spec.ApplicationRef), EntityIdOf(strategy.Spec.EntityRef));
        }

        passing = Pass(passing, strategy => _pools[strategy].Count > 0 ? null : new Verdict(
            ConditionReasons.NoSenders,
            "no Ready SMS or MMS association at the strategy's level (its application, entity, channel and destination country) to pick a sender from"));
        Resolve(passing);
    }

    private void DecideInboundConfigurations()
    {
        var passing = Pass(_snapshot.InboundConfigurations, Invalid);
        passing = Pass(passing, BrokenReference);
        foreach (var configuration in passing)
        {
            _routes[configuration] = EffectiveRouteOf(configuration);
        }

        passing = Pass(passing, configuration =>
            Incompatible(ChannelFit.ForInbound(_resources[configuration.Spec.ResourceRef!.Name], configuration.Spec.Channel!.Value)));
        passing = Pass(passing, configuration =>
            string.IsNullOrEmpty(configuration.Spec.Keyword) && _resources[configuration.Spec.ResourceRef!.Name].Spec.Number?.Shared == true
                ? new Verdict(
                    ConditionReasons.DefaultNotAllowedOnSharedNumber,
                    $"Resource {configuration.Spec.ResourceRef.Name} is a shared number: it takes keyword configurations only")
                : null);
        passing = Unique(passing, InboundKey, (configuration, winner) => Conflict(
            $"InboundConfiguration {winner.Metadata.Name} already takes this resource, channel and keyword, and is older"));
        Resolve(passing);
    }
}
