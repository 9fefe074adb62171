using System.ComponentModel;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("What the operator resolved for this association.")]
public sealed record ResourceAssociationStatus : CustomResourceStatus
{
    [Description("What the association resolved to; absent while a reference is missing.")]
    public ResolvedAssociation? Resolved { get; init; }
}
