using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("A phone number: virtual long number, short code or toll-free.")]
public sealed record NumberSpec
{
    [Description("The number.")]
    [Required]
    [FieldRule(nameof(FieldRules.PhoneNumber))]
    public string? Number { get; init; }

    [Description("VIRTUAL_LONG_NUMBER, SHORT_CODE or TOLL_FREE; a SHORT_CODE has 3 to 8 digits, the others are E.164.")]
    [Required]
    public NumberType? NumberType { get; init; }

    [Description("The number's country.")]
    [Required]
    [FieldRule(nameof(FieldRules.CountryCode))]
    [SelectableField]
    public string? Country { get; init; }

    [Description("Channels the number supports: SMS, MMS, VOICE, WHATSAPP.")]
    [Required]
    [Length(1, 4)]
    [ListKind(ListKindAttribute.Set)]
    [AllowedValues(Channel.Sms, Channel.Mms, Channel.Voice, Channel.WhatsApp)]
    public IReadOnlyList<Channel>? Capabilities { get; init; }

    [Description("A shared number carries keywords only: it takes no default InboundConfiguration.")]
    [DefaultValue(false)]
    public bool Shared { get; init; }

    [Description("The platform's own key for the number, when known.")]
    [FieldRule(nameof(FieldRules.Identifier))]
    public string? NumberKey { get; init; }
}
