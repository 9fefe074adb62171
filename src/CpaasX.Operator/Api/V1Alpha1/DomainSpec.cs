using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("An email domain: EMAIL only.")]
public sealed record DomainSpec
{
    [Description("The domain mail is sent from.")]
    [Required]
    [FieldRule(nameof(FieldRules.DnsName))]
    public string? DomainName { get; init; }
}
