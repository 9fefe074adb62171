using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("Routes inbound messages of one number (or chat-app sender) and channel, optionally only those starting with a keyword. One per (resource, channel, keyword).")]
public sealed record InboundConfigurationSpec
{
    [Description("The NUMBER or CHAT_APP Resource receiving the messages.")]
    [Required]
    [SelectableField("name")]
    public LocalObjectReference? ResourceRef { get; init; }

    [Description("SMS, MMS, WHATSAPP, VIBER or RCS (voice is routed by a VOICE ResourceAssociation).")]
    [Required]
    [AllowedValues(Routing.Model.Channel.Sms, Routing.Model.Channel.Mms, Routing.Model.Channel.WhatsApp, Routing.Model.Channel.Viber, Routing.Model.Channel.Rcs)]
    [SelectableField]
    public Channel? Channel { get; init; }

    [Description("The first word of the message this configuration takes; without it this is the number's default configuration for the channel (not allowed on a shared number).")]
    [FieldRule(nameof(FieldRules.Keyword))]
    [SelectableField]
    public string? Keyword { get; init; }

    [Description("The Application receiving the messages; with neither ref set, the number-level routing of the Resource applies.")]
    public LocalObjectReference? ApplicationRef { get; init; }

    [Description("The Entity receiving the messages.")]
    public LocalObjectReference? EntityRef { get; init; }
}
