using System.Text.Json.Nodes;

using CpaasX.Operator.Api;
using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Runtime.Client;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Local;

/// <summary>
/// Applies manifests (config/samples) through the API without kubectl: Namespaces first, then the cpaasx.io objects,
/// each created, or replaced when it exists. Other kinds are not needed by the samples and are refused.
/// </summary>
public static class ManifestApplier
{
    /// <summary>Applies every manifest under <paramref name="path"/>; returns how many objects it applied.</summary>
    public static async Task<int> ApplyAsync(IKubernetes client, string path, CancellationToken cancellationToken)
    {
        var documents = ManifestReader.ReadPath(path);
        var namespaces = documents.Where(document => document.Kind == "Namespace").ToList();
        var objects = documents.Except(namespaces).ToList();
        if (objects.FirstOrDefault(document => document.Resource is null) is { } foreign)
        {
            throw new ManifestException($"{foreign}: only Namespaces and cpaasx.io kinds can be applied here.");
        }

        foreach (var document in namespaces)
        {
            await ApplyNamespaceAsync(client, document.Json["metadata"]!["name"]!.GetValue<string>(), cancellationToken).ConfigureAwait(false);
        }

        foreach (var document in objects)
        {
            await ApplyObjectAsync(client, document.Json, document.Resource!, cancellationToken).ConfigureAwait(false);
        }

        return documents.Count;
    }

    private static async Task ApplyNamespaceAsync(IKubernetes client, string name, CancellationToken cancellationToken)
    {
        try
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (ApiErrors.IsAlreadyExists(error))
        {
            // Already there: nothing to apply.
        }
    }

    private static async Task ApplyObjectAsync(IKubernetes client, JsonObject json, ICustomResource resource, CancellationToken cancellationToken)
    {
        var plural = ObjectReferences.KindOf(resource).Plural;
        var @namespace = resource.Metadata.NamespaceProperty ?? "default";
        var name = resource.Metadata.Name;
        try
        {
            await client.CustomObjects.CreateNamespacedCustomObjectAsync(
                json, CustomResourceKinds.Group, CustomResourceKinds.Version, @namespace, plural, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (ApiErrors.IsAlreadyExists(error))
        {
            var current = (System.Text.Json.JsonElement)await client.CustomObjects.GetNamespacedCustomObjectAsync(
                CustomResourceKinds.Group, CustomResourceKinds.Version, @namespace, plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            var replacement = json.DeepClone().AsObject();
            replacement["metadata"]!["resourceVersion"] = current.GetProperty("metadata").GetProperty("resourceVersion").GetString();
            await client.CustomObjects.ReplaceNamespacedCustomObjectAsync(
                replacement, CustomResourceKinds.Group, CustomResourceKinds.Version, @namespace, plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
