using CpaasX.Routing.Table;

namespace CpaasX.Operator.Compilation;

/// <summary>The outcome of compiling one namespace: every object's desired state and the namespace's routing table.</summary>
public sealed record CompileResult(string Namespace, IReadOnlyList<CompiledObject> Objects, RoutingTable Table);
