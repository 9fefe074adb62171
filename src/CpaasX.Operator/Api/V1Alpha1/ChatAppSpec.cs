using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("A chat-app sender: a WhatsApp, Viber or RCS sender ID.")]
public sealed record ChatAppSpec
{
    [Description("The chat app: WHATSAPP, VIBER or RCS.")]
    [Required]
    [AllowedValues(Routing.Model.Channel.WhatsApp, Routing.Model.Channel.Viber, Routing.Model.Channel.Rcs)]
    public Channel? Channel { get; init; }

    [Description("The sender ID on that chat app.")]
    [Required]
    [FieldRule(nameof(FieldRules.ChatAppSenderId))]
    public string? SenderId { get; init; }
}
