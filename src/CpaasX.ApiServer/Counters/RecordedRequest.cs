namespace CpaasX.ApiServer.Counters;

/// <summary>
/// One request on a served resource, as RBAC would judge it. <paramref name="Token"/> is the bearer token the client
/// presented (the server authenticates no one, so the token is how a test tells its clients apart);
/// <paramref name="Namespace"/> is null for cluster-scoped objects and for lists and watches across all namespaces.
/// </summary>
public sealed record RecordedRequest(
    string Token,
    string Verb,
    string ApiGroup,
    string Resource,
    string? Subresource,
    string? Namespace,
    string? Name);
