using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("An alphanumeric sender: SMS only, one-way (never receives inbound).")]
public sealed record AlphanumericSenderSpec
{
    [Description("The sender name shown to recipients.")]
    [Required]
    [FieldRule(nameof(FieldRules.AlphaSender))]
    public string? Sender { get; init; }

    [Description("Destination countries the sender may be used for; empty means every country.")]
    [Length(0, 250)]
    [ListKind(ListKindAttribute.Set)]
    [FieldRule(nameof(FieldRules.CountryCode))]
    public IReadOnlyList<string>? Countries { get; init; }
}
