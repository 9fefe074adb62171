using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("What the operator resolved for this resource.")]
public sealed record ResourceStatus : CustomResourceStatus
{
    [Description("The resource's normalized value: the number, short code@country, sender, domain, CHANNEL:senderId or configurationId. Duplicates across the cluster are found by it.")]
    public string? Value { get; init; }

    [Description("How many ResourceAssociations name this resource, Ready or not.")]
    public int? AssociationCount { get; init; }

    [Description("The ResourceAssociations that name this resource, Ready or not, sorted by name; the first ones when there are more (see associationCount).")]
    [ListKind(ListKindAttribute.Map, "name")]
    [Length(0, AssociationList.MaxListed)]
    public IReadOnlyList<AssociationSummary>? Associations { get; init; }
}
