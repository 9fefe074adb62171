namespace CpaasX.Operator.Compilation;

/// <summary>Compiles one namespace: pure, no I/O. Every rule of the domain lives under this folder, once.</summary>
public static class NamespaceCompiler
{
    /// <param name="snapshot">Every object of the namespace.</param>
    /// <param name="index">The cluster-wide resource values, for <c>Duplicate</c>.</param>
    /// <param name="now">The time written as lastTransitionTime when a condition's status flips.</param>
    public static CompileResult Compile(NamespaceSnapshot snapshot, ResourceValueIndex index, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(index);
        return new NamespaceCompilation(snapshot, index, now).Run();
    }
}
