namespace CpaasX.Operator.Tests.Support;

/// <summary>
/// One API request as RBAC sees it. <paramref name="Resource"/> carries a subresource after a slash
/// (<c>applications/status</c>); <paramref name="Namespace"/> is null for a cluster-scoped request,
/// which includes listing or watching a namespaced kind across all namespaces.
/// </summary>
public sealed record RbacRequest(string ApiGroup, string Resource, string Verb, string? Namespace, string? Name = null)
{
    public override string ToString() =>
        $"{Verb} {(ApiGroup.Length == 0 ? "core" : ApiGroup)}/{Resource}{(Name is null ? "" : $" {Name}")} {(Namespace is null ? "cluster-wide" : $"in {Namespace}")}";
}
