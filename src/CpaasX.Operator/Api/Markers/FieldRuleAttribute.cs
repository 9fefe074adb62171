namespace CpaasX.Operator.Api.Markers;

/// <summary>Names the <see cref="FieldRules"/> member that constrains this field (or each item of this list).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FieldRuleAttribute(string ruleName) : Attribute
{
    public FieldRule Rule { get; } = FieldRules.Named(ruleName);
}
