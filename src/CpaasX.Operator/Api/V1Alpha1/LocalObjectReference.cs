using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;

namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>A reference by name to another object in the same namespace; nothing reaches across namespaces.</summary>
[Description("A reference by name to an object in the same namespace.")]
public sealed record LocalObjectReference
{
    [Description("Name of the referenced object.")]
    [Required]
    [FieldRule(nameof(FieldRules.ObjectName))]
    public string Name { get; init; } = "";
}
