namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>The condition types the operator sets.</summary>
public static class ConditionTypes
{
    /// <summary>The object is valid, resolved and contributes to routing.</summary>
    public const string Ready = "Ready";

    /// <summary>kstatus: the object cannot become Ready without a change by the user; present only while True.</summary>
    public const string Stalled = "Stalled";

    /// <summary>kstatus: the object waits for something still to come (another object, a retry); present only while True.</summary>
    public const string Reconciling = "Reconciling";
}
