using System.ComponentModel;

using CpaasX.Operator.Api.Markers;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("The application as the platform knows it.")]
public sealed record ApplicationSpec
{
    [Description("The platform's applicationId, unique in the namespace. Defaults to metadata.name.")]
    [FieldRule(nameof(FieldRules.Identifier))]
    public string? ApplicationId { get; init; }

    [Description("A human-readable name.")]
    [FieldRule(nameof(FieldRules.DisplayName))]
    public string? ApplicationName { get; init; }
}
