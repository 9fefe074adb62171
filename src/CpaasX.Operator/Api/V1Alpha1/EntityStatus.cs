using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("What the operator resolved for this entity.")]
public sealed record EntityStatus : CustomResourceStatus
{
    [Description("The entityId in effect (spec.entityId, or metadata.name).")]
    public string? EntityId { get; init; }

    [Description("How many Ready ResourceAssociations name this entity.")]
    public int? AssociationCount { get; init; }

    [Description("Names of those ResourceAssociations, sorted; the first ones when there are more (see associationCount).")]
    [Length(0, AssociationList.MaxListed)]
    public IReadOnlyList<string>? Associations { get; init; }
}
