using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

// Stage 2: each object's desired status from its verdict.
internal sealed partial class NamespaceCompilation
{
    private CompiledObject Compiled(ICustomResource item, Referrers referrers, AssociationUsage usage)
    {
        var isProtected = item is Application or Entity or Resource;
        var deleting = IsDeleting(item);
        var referencedBy = isProtected ? referrers.Of(item) : [];
        var held = deleting && referencedBy.Count > 0;
        bool? keepsFinalizer = isProtected ? !deleting || held : null;

        // A deleting object nothing holds is about to disappear: its observed status stays as it is.
        if (deleting && !held && item.StatusObject is CustomResourceStatus observed)
        {
            return new CompiledObject(item, observed, keepsFinalizer, referencedBy);
        }

        var verdict = held
            ? new Verdict(ConditionReasons.InUse, $"deletion waits until nothing references it; still referenced by {StatusCaps.List(referencedBy)}")
            : _verdicts[item];
        var desired = DesiredStatus(item, verdict, usage);
        return new CompiledObject(
            item,
            StatusComparer.Instance.Equals(desired, item.StatusObject) ? item.StatusObject! : desired,
            keepsFinalizer,
            referencedBy);
    }

    private CustomResourceStatus DesiredStatus(ICustomResource item, Verdict verdict, AssociationUsage usage)
    {
        var generation = item.Metadata?.Generation;
        var conditions = KstatusConditions.For(verdict, item.StatusObject?.Conditions, generation, _now);
        return item switch
        {
            Application application => new ApplicationStatus
            {
                ObservedGeneration = generation,
                Conditions = conditions,
                ApplicationId = application.EffectiveApplicationId,
                AssociationCount = usage.OfApplication(application.Metadata?.Name).Count,
                Associations = [.. usage.OfApplication(application.Metadata?.Name).Take(AssociationList.MaxListed)],
            },
            Entity entity => new EntityStatus
            {
                ObservedGeneration = generation,
                Conditions = conditions,
                EntityId = entity.EffectiveEntityId,
                AssociationCount = usage.OfEntity(entity.Metadata?.Name).Count,
                Associations = [.. usage.OfEntity(entity.Metadata?.Name).Take(AssociationList.MaxListed)],
            },
            Resource resource => new ResourceStatus
            {
                ObservedGeneration = generation,
                Conditions = conditions,
                Value = ResourceValues.StatusValue(resource.Spec),
                AssociationCount = usage.OfResource(resource.Metadata?.Name).Count,
                Associations = [.. usage.OfResource(resource.Metadata?.Name).Take(AssociationList.MaxListed)],
            },
            ResourceAssociation association => new ResourceAssociationStatus
            {
                ObservedGeneration = generation,
                Conditions = conditions,
                Resolved = _resolved.GetValueOrDefault(association),
            },
            SenderStrategy strategy => new SenderStrategyStatus
            {
                ObservedGeneration = generation,
                Conditions = conditions,
                SenderCount = _pools.GetValueOrDefault(strategy)?.Count,
                SenderPool = _pools.GetValueOrDefault(strategy)?.Listed,
            },
            InboundConfiguration configuration => new InboundConfigurationStatus
            {
                ObservedGeneration = generation,
                Conditions = conditions,
                EffectiveRoute = _routes.GetValueOrDefault(configuration),
            },
            _ => throw new ArgumentException($"{item.GetType()} is not one of the cpaasx.io kinds.", nameof(item)),
        };
    }
}
