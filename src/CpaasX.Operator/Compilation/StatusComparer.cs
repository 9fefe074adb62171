using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// Structural equality of statuses: records compare their lists by reference, so two statuses with equal contents
/// would differ. Compile uses it to hand back the observed instance when nothing changed; the writer can use it to skip
/// a status write.
/// </summary>
public sealed class StatusComparer : IEqualityComparer<CustomResourceStatus>
{
    public static StatusComparer Instance { get; } = new();

    public bool Equals(CustomResourceStatus? x, CustomResourceStatus? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.GetType() != y.GetType()
            || x.ObservedGeneration != y.ObservedGeneration || !SameItems(x.Conditions, y.Conditions))
        {
            return false;
        }

        return (x, y) switch
        {
            (ApplicationStatus a, ApplicationStatus b) =>
                a.ApplicationId == b.ApplicationId && a.AssociationCount == b.AssociationCount && SameItems(a.Associations, b.Associations),
            (EntityStatus a, EntityStatus b) =>
                a.EntityId == b.EntityId && a.AssociationCount == b.AssociationCount && SameItems(a.Associations, b.Associations),
            (ResourceStatus a, ResourceStatus b) =>
                a.Value == b.Value && a.AssociationCount == b.AssociationCount && SameItems(a.Associations, b.Associations),
            (ResourceAssociationStatus a, ResourceAssociationStatus b) => Equals(a.Resolved, b.Resolved),
            (SenderStrategyStatus a, SenderStrategyStatus b) => a.SenderCount == b.SenderCount && SameItems(a.SenderPool, b.SenderPool),
            (InboundConfigurationStatus a, InboundConfigurationStatus b) => Equals(a.EffectiveRoute, b.EffectiveRoute),
            _ => false,
        };
    }

    public int GetHashCode(CustomResourceStatus obj) => HashCode.Combine(obj.GetType(), obj.ObservedGeneration, obj.Conditions?.Count);

    // Items are records of scalars, so their own equality is structural.
    private static bool SameItems<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right) =>
        left is null || right is null ? left is null && right is null : left.SequenceEqual(right);
}
