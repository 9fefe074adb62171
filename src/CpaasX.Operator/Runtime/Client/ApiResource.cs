namespace CpaasX.Operator.Runtime.Client;

/// <summary>Where a kind is served: its API group (empty for the core group), version and plural name.</summary>
public sealed record ApiResource(string Group, string Version, string Plural)
{
    /// <summary>The collection's path below the API root, in <paramref name="namespace"/> or, when null, across all namespaces.</summary>
    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? $"api/{Version}" : $"apis/{Group}/{Version}";
        return @namespace is null ? $"{root}/{Plural}" : $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}";
    }
}
