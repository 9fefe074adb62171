namespace CpaasX.Operator.Observability;

/// <summary>The <c>kind</c> label values of <c>cpaasx_writes_skipped_total</c>.</summary>
public static class WriteKinds
{
    public const string Status = "status";
    public const string ConfigMap = "configmap";
}
