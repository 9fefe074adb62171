namespace CpaasX.Operator.Api;

/// <summary>
/// The label on the ConfigMaps this operator owns: the publisher writes it, the informers select by it, and the
/// operator never touches a ConfigMap without it.
/// </summary>
public static class ManagedLabel
{
    public const string Key = "app.kubernetes.io/managed-by";
    public const string Value = "cpaasx-operator";

    /// <summary>The selector of the ConfigMaps this operator owns (for the informer).</summary>
    public const string Selector = Key + "=" + Value;
}
