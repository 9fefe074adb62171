using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("A resource: a union on type, carrying exactly the member that type names.")]
public sealed record ResourceSpec
{
    [Description("Which member is set: NUMBER, ALPHA, DOMAIN, CHAT_APP or WEBRTC_PUSH.")]
    [Required]
    [SelectableField]
    public ResourceType? Type { get; init; }

    [Description("Set exactly when type is NUMBER.")]
    public NumberSpec? Number { get; init; }

    [Description("Set exactly when type is ALPHA.")]
    public AlphanumericSenderSpec? Alpha { get; init; }

    [Description("Set exactly when type is DOMAIN.")]
    public DomainSpec? Domain { get; init; }

    [Description("Set exactly when type is CHAT_APP.")]
    public ChatAppSpec? ChatApp { get; init; }

    [Description("Set exactly when type is WEBRTC_PUSH.")]
    public WebRtcPushSpec? WebRtcPush { get; init; }

    [Description("Number-level routing (NUMBER only): the Application that receives inbound traffic no InboundConfiguration routes.")]
    public LocalObjectReference? ApplicationRef { get; init; }

    [Description("Number-level routing (NUMBER only): the Entity that receives inbound traffic no InboundConfiguration routes.")]
    public LocalObjectReference? EntityRef { get; init; }
}
