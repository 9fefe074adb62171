namespace CpaasX.ApiServer.Http;

/// <summary>
/// The parts of an /api or /apis URL after the group-version:
/// <c>[namespaces/{ns}/]{plural}[/{name}[/{subresource}]]</c>, or a Namespace's own <c>namespaces/{name}/status</c>.
/// </summary>
internal sealed record ApiPath(string? Namespace, string Plural, string? Name, string? Subresource)
{
    private static readonly HashSet<string> NamespaceSubresources = ["status", "finalize"];

    public static ApiPath? Parse(ReadOnlySpan<string> rest)
    {
        if (rest.Length >= 3 && rest[0] == "namespaces" && !(rest.Length == 3 && NamespaceSubresources.Contains(rest[2])))
        {
            return rest.Length > 5 ? null : new ApiPath(rest[1], rest[2], At(rest, 3), At(rest, 4));
        }

        return rest.Length is 0 or > 3 ? null : new ApiPath(null, rest[0], At(rest, 1), At(rest, 2));
    }

    private static string? At(ReadOnlySpan<string> parts, int index) => index < parts.Length ? parts[index] : null;
}
