using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("What the operator resolved for this application.")]
public sealed record ApplicationStatus : CustomResourceStatus
{
    [Description("The applicationId in effect (spec.applicationId, or metadata.name).")]
    public string? ApplicationId { get; init; }

    [Description("How many Ready ResourceAssociations name this application.")]
    public int? AssociationCount { get; init; }

    [Description("Names of those ResourceAssociations, sorted; the first ones when there are more (see associationCount).")]
    [Length(0, AssociationList.MaxListed)]
    public IReadOnlyList<string>? Associations { get; init; }
}
