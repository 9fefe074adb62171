using System.ComponentModel;

using CpaasX.Operator.Api.Markers;

namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>The status fields every kind has, at the top of its status.</summary>
public abstract record CustomResourceStatus
{
    [Description("The metadata.generation this status was computed from.")]
    [FieldRule(nameof(FieldRules.Generation))]
    public long? ObservedGeneration { get; init; }

    [Description("Current state in the metav1.Condition shape. Ready is the one GitOps tools and 'kubectl wait --for=condition=Ready' read.")]
    [ListKind(ListKindAttribute.Map, "type")]
    public IReadOnlyList<Condition>? Conditions { get; init; }

    /// <summary>The Ready condition; null when there is none (null entries, which a hand-written status may hold, are skipped).</summary>
    public Condition? FindReady() => Conditions?.FirstOrDefault(condition => condition?.Type == ConditionTypes.Ready);
}
