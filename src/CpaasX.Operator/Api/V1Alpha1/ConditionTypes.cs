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

    /// <summary>
    /// Platform sync: whether the platform's account holds what the object declares; only in a namespace bound to an
    /// account (docs/platform-sync.md). Informational: Ready, Stalled and Reconciling never depend on it.
    /// </summary>
    public const string PlatformSynced = "PlatformSynced";
}
