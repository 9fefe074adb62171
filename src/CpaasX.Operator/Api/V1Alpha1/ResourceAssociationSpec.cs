using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("Links a Resource to an Application, an Entity or the pair, for one channel. Deleting it never deletes the resource.")]
public sealed record ResourceAssociationSpec
{
    [Description("The Resource to associate.")]
    [Required]
    [SelectableField("name")]
    public LocalObjectReference? ResourceRef { get; init; }

    [Description("The channel: SMS and MMS take a US/CA 10-digit long code with that capability (SMS also an ALPHA), EMAIL a DOMAIN, VOICE a NUMBER with VOICE, WHATSAPP/VIBER/RCS a CHAT_APP of that channel, WEBRTC a WEBRTC_PUSH.")]
    [Required]
    [SelectableField]
    public Channel? Channel { get; init; }

    [Description("The Application; without it the association belongs to the 'default' application.")]
    [SelectableField("name")]
    public LocalObjectReference? ApplicationRef { get; init; }

    [Description("The Entity. At least one of applicationRef and entityRef is set.")]
    [SelectableField("name")]
    public LocalObjectReference? EntityRef { get; init; }
}
