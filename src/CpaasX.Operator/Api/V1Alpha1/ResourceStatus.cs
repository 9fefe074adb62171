using System.ComponentModel;

using CpaasX.Operator.Api.Schema;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("What the operator resolved for this resource.")]
public sealed record ResourceStatus : CustomResourceStatus
{
    [Description("The resource's normalized value: the number, short code@country, sender, domain, CHANNEL:senderId or configurationId. Duplicates across the cluster are found by it.")]
    public string? Value { get; init; }

    [Description("The ResourceAssociations that use this resource, sorted by name.")]
    [ListKind(ListKindAttribute.Map, "name")]
    public IReadOnlyList<AssociationSummary>? Associations { get; init; }
}
