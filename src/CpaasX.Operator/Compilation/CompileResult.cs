using CpaasX.Routing.Table;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// The outcome of compiling one namespace: every object's desired state, the Ready condition of each object that does
/// not decode, and the namespace's routing table.
/// </summary>
public sealed record CompileResult(
    string Namespace, IReadOnlyList<CompiledObject> Objects, RoutingTable Table, IReadOnlyList<CompiledUndecodable>? Undecodable = null)
{
    public IReadOnlyList<CompiledUndecodable> Undecodable { get; } = Undecodable ?? [];
}
