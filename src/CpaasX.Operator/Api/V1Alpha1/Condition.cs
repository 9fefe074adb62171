using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;

namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>A condition in the shape of Kubernetes' metav1.Condition.</summary>
[Description("One aspect of the object's current state, in the metav1.Condition shape.")]
public sealed record Condition
{
    [Description($"The aspect this condition describes; '{ConditionTypes.Ready}' is always set.")]
    [Required]
    [FieldRule(nameof(FieldRules.ConditionType))]
    public string Type { get; init; } = "";

    [Description("True, False or Unknown.")]
    [Required]
    [AllowedValues(ConditionStatuses.True, ConditionStatuses.False, ConditionStatuses.Unknown)]
    public string Status { get; init; } = ConditionStatuses.Unknown;

    [Description("The metadata.generation this condition was set from.")]
    [FieldRule(nameof(FieldRules.Generation))]
    public long? ObservedGeneration { get; init; }

    [Description("When status last changed (not when the condition was last written).")]
    [Required]
    public DateTimeOffset LastTransitionTime { get; init; }

    [Description("Why the condition has this status, CamelCase: " + ConditionReasons.DescriptionList + ".")]
    [Required]
    [FieldRule(nameof(FieldRules.ConditionReason))]
    public string Reason { get; init; } = "";

    [Description("A human-readable explanation, naming the objects involved.")]
    [Required]
    [FieldRule(nameof(FieldRules.ConditionMessage))]
    public string Message { get; init; } = "";
}
