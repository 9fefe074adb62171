namespace CpaasX.ApiServer.Counters;

/// <summary>
/// One request on a served resource, as RBAC would judge it. <paramref name="User"/> is the user name of the identity
/// whose token the client presented; <paramref name="Namespace"/> is null for cluster-scoped objects and for lists and
/// watches across all namespaces.
/// </summary>
public sealed record RecordedRequest(
    string User,
    string Verb,
    string ApiGroup,
    string Resource,
    string? Subresource,
    string? Namespace,
    string? Name);
