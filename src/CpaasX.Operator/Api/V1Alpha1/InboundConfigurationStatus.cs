using System.ComponentModel;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("What the operator resolved for this configuration.")]
public sealed record InboundConfigurationStatus : CustomResourceStatus
{
    [Description("Where matching messages go, and which level decided it.")]
    public EffectiveRoute? EffectiveRoute { get; init; }
}
