using CpaasX.Operator.Api.Serialization;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Local;

/// <summary>Installs the CustomResourceDefinitions of a folder (config/crds) through the API and waits until each is Established.</summary>
public static class CrdInstaller
{
    /// <summary>How often the Established condition is polled; the embedded server sets it at once, a real one within a second or two.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<IReadOnlyList<string>> InstallAsync(IKubernetes client, string folder, CancellationToken cancellationToken)
    {
        var definitions = ManifestReader.ReadPath(folder)
            .Where(document => document.Kind == "CustomResourceDefinition")
            .Select(document => KubernetesJson.Deserialize<V1CustomResourceDefinition>(document.Json.ToJsonString()))
            .ToList();
        foreach (var definition in definitions)
        {
            await CreateOrReplaceAsync(client, definition, cancellationToken).ConfigureAwait(false);
        }

        foreach (var definition in definitions)
        {
            await WaitEstablishedAsync(client, definition.Metadata.Name, cancellationToken).ConfigureAwait(false);
        }

        return [.. definitions.Select(definition => definition.Metadata.Name)];
    }

    private static async Task CreateOrReplaceAsync(IKubernetes client, V1CustomResourceDefinition definition, CancellationToken cancellationToken)
    {
        var existing = await client.ApiextensionsV1.ListCustomResourceDefinitionAsync(
            fieldSelector: $"metadata.name={definition.Metadata.Name}", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing.Items.FirstOrDefault() is { } current)
        {
            definition.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
            await client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(definition, definition.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(definition, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WaitEstablishedAsync(IKubernetes client, string name, CancellationToken cancellationToken)
    {
        while (true)
        {
            var definition = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (definition.Status?.Conditions?.Any(condition => condition.Type == "Established" && condition.Status == "True") == true)
            {
                return;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
