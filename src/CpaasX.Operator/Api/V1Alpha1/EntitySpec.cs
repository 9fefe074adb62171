using System.ComponentModel;

using CpaasX.Operator.Api.Markers;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("The entity as the platform knows it.")]
public sealed record EntitySpec
{
    [Description("The platform's entityId, unique in the namespace. Defaults to metadata.name.")]
    [FieldRule(nameof(FieldRules.Identifier))]
    public string? EntityId { get; init; }

    [Description("A human-readable name.")]
    [FieldRule(nameof(FieldRules.DisplayName))]
    public string? EntityName { get; init; }
}
