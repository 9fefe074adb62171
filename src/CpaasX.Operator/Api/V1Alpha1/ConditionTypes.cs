namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>The condition types the operator sets.</summary>
public static class ConditionTypes
{
    /// <summary>The object is valid, resolved and contributes to routing.</summary>
    public const string Ready = "Ready";
}
