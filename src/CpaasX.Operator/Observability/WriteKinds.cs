namespace CpaasX.Operator.Observability;

/// <summary>The <c>kind</c> label values of <c>cpaasx_writes_skipped_total</c> and <c>cpaasx_writes_refused_total</c>.</summary>
public static class WriteKinds
{
    public const string Status = "status";
    public const string ConfigMap = "configmap";
    public const string Finalizer = "finalizer";
}
