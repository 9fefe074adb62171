using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Runtime.Client;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.WebConsole;

/// <summary>
/// The console's reads and writes, made with the user's own credentials, so the cluster's RBAC decides what the user
/// sees and may change. <see cref="Namespace"/> null means every namespace the user may list.
/// </summary>
internal sealed class ConsoleCluster(IKubernetes client, string? @namespace)
{
    public string? Namespace { get; } = @namespace;

    /// <summary>The user's client, for reads that have their own helper (the routing table).</summary>
    public IKubernetes Client { get; } = client;

    /// <summary>Every object of one kind in scope (or in <paramref name="inNamespace"/> when given), typed.</summary>
    public async Task<IReadOnlyList<T>> ListAsync<T>(CustomResourceKind kind, CancellationToken cancellationToken, string? inNamespace = null)
        where T : class, ICustomResource =>
        [.. (await ListJsonAsync(kind, inNamespace ?? Namespace, cancellationToken).ConfigureAwait(false)).Select(item => (T)item.Deserialize(kind.ClrType, CpaasxJson.Options)!)];

    /// <summary>Every object of every cpaasx.io kind in scope, typed.</summary>
    public async Task<IReadOnlyList<ICustomResource>> ListAllAsync(CancellationToken cancellationToken)
    {
        var lists = await Task.WhenAll(CustomResourceKinds.All.Select(kind => ListAsync<ICustomResource>(kind, cancellationToken))).ConfigureAwait(false);
        return [.. lists.SelectMany(list => list)];
    }

    /// <summary>One object as the API server returns it; null when it does not exist.</summary>
    public async Task<JsonElement?> GetJsonAsync(CustomResourceKind kind, string objectNamespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return (JsonElement)await Client.CustomObjects.GetNamespacedCustomObjectAsync(
                CustomResourceKinds.Group, CustomResourceKinds.Version, objectNamespace, kind.Plural, name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (ApiErrors.IsNotFound(error))
        {
            return null;
        }
    }

    public async Task<T?> GetAsync<T>(CustomResourceKind kind, string objectNamespace, string name, CancellationToken cancellationToken)
        where T : class, ICustomResource =>
        await GetJsonAsync(kind, objectNamespace, name, cancellationToken).ConfigureAwait(false) is { } found
            ? (T)found.Deserialize(kind.ClrType, CpaasxJson.Options)!
            : null;

    /// <summary>Deletes one ResourceAssociation as the user; the API server's refusal (403 and the like) is thrown as it came.</summary>
    public Task DeleteAssociationAsync(string objectNamespace, string name, CancellationToken cancellationToken) =>
        Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            CustomResourceKinds.Group, CustomResourceKinds.Version, objectNamespace, CustomResourceKinds.ResourceAssociation.Plural, name, cancellationToken: cancellationToken);

    /// <summary>Creates one ResourceAssociation as the user; the API server's refusal is thrown as it came.</summary>
    public Task CreateAssociationAsync(string objectNamespace, string name, ResourceAssociationSpec spec, CancellationToken cancellationToken) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            JsonSerializer.SerializeToElement(
                new ResourceAssociation
                {
                    Metadata = new() { Name = name, NamespaceProperty = objectNamespace },
                    Spec = spec,
                },
                CpaasxJson.Options),
            CustomResourceKinds.Group, CustomResourceKinds.Version, objectNamespace, CustomResourceKinds.ResourceAssociation.Plural, cancellationToken: cancellationToken);

    /// <summary>
    /// Sets (or, with null, clears) the applicationRef and entityRef of one object's spec as the user, with a JSON merge
    /// patch: a Resource's number-level routing or an InboundConfiguration's route.
    /// </summary>
    public Task SetRoutingAsync(CustomResourceKind kind, string objectNamespace, string name, string? application, string? entity, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["applicationRef"] = application is null ? null : new JsonObject { ["name"] = application },
                ["entityRef"] = entity is null ? null : new JsonObject { ["name"] = entity },
            },
        };
        return Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
            CustomResourceKinds.Group, CustomResourceKinds.Version, objectNamespace, kind.Plural, name, cancellationToken: cancellationToken);
    }

    private async Task<IEnumerable<JsonElement>> ListJsonAsync(CustomResourceKind kind, string? listNamespace, CancellationToken cancellationToken)
    {
        var list = (JsonElement)(listNamespace is null
            ? await Client.CustomObjects.ListClusterCustomObjectAsync(
                CustomResourceKinds.Group, CustomResourceKinds.Version, kind.Plural, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await Client.CustomObjects.ListNamespacedCustomObjectAsync(
                CustomResourceKinds.Group, CustomResourceKinds.Version, listNamespace, kind.Plural, cancellationToken: cancellationToken).ConfigureAwait(false));
        return list.GetProperty("items").EnumerateArray();
    }
}
