namespace CpaasX.Operator.Api.Markers;

/// <summary>
/// Marks a spec field as a CRD <c>selectableField</c>, so <c>kubectl get --field-selector</c> filters on it. On an object
/// field, <see cref="Member"/> names the scalar inside it that is selectable (<c>name</c> of a reference).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SelectableFieldAttribute(string? member = null) : Attribute
{
    public string? Member { get; } = member;
}
