namespace CpaasX.Operator.Compilation;

/// <summary>The finalizer that keeps a referenced Application, Entity or Resource until nothing refers to it.</summary>
public static class InUseProtection
{
    public const string Finalizer = "cpaasx.io/in-use-protection";
}
