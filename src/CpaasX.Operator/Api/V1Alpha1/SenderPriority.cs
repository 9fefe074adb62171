using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("The priority of one sender type.")]
public sealed record SenderPriority
{
    [Description("ALPHANUMERIC, VIRTUAL_LONG_NUMBER, SHORT_CODE or TOLL_FREE_NUMBER.")]
    [Required]
    public SenderType? SenderType { get; init; }

    [Description("The priority.")]
    [Required]
    [FieldRule(nameof(FieldRules.SenderPriority))]
    public int? Priority { get; init; }
}
