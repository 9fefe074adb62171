namespace CpaasX.Operator.Api.Schema;

/// <summary>
/// A rule one object states about itself across fields: emitted as an <c>x-kubernetes-validations</c> CEL rule on
/// the schema of <see cref="Target"/>, and checked by the C# validator with <see cref="Holds"/>.
/// </summary>
/// <param name="Target">The CLR type whose schema node carries the rule (<c>self</c> in CEL).</param>
/// <param name="Rule">The CEL expression.</param>
/// <param name="Message">What both the API server and the validator report when it fails.</param>
/// <param name="FieldPath">Where the failure is reported, relative to <c>self</c> (".number"), or null for <c>self</c>.</param>
/// <param name="Holds">The same rule in C#.</param>
public sealed record ObjectRule(Type Target, string Rule, string Message, string? FieldPath, Func<object, bool> Holds)
{
    /// <summary>Creates a rule with a typed C# check.</summary>
    public static ObjectRule For<T>(string rule, string message, string? fieldPath, Func<T, bool> holds) =>
        new(typeof(T), rule, message, fieldPath, value => holds((T)value));
}
