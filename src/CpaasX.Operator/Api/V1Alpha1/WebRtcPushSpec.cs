using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("A WebRTC push configuration: WEBRTC only.")]
public sealed record WebRtcPushSpec
{
    [Description("The platform's push configuration ID.")]
    [Required]
    [FieldRule(nameof(FieldRules.Identifier))]
    public string? ConfigurationId { get; init; }
}
