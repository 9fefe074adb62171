using CpaasX.ApiServer.Resources;

namespace CpaasX.ApiServer.Resources;

/// <summary>A request on a served resource, as the URL names it.</summary>
internal sealed record ResourceRequest(ResourceType Type, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>The counter and fault key: the plural, or "plural/subresource".</summary>
    public string Resource => Subresource is null ? Type.Plural : $"{Type.Plural}/{Subresource}";

    /// <summary>Where the object lives: cluster-scoped objects have the empty namespace.</summary>
    public string StoreNamespace => Type.Namespaced ? Namespace ?? "" : "";
}
