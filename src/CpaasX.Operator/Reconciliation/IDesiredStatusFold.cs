using CpaasX.Operator.Compilation;

namespace CpaasX.Operator.Reconciliation;

/// <summary>
/// What another controller adds to a compiled namespace's desired statuses before the namespace controller writes
/// them (the platform sync's <c>PlatformSynced</c> condition): conditions keep one writer, and this folder needs to
/// know nothing of who adds them.
/// </summary>
public interface IDesiredStatusFold
{
    CompileResult Fold(string @namespace, CompileResult compiled, DateTimeOffset now);
}
