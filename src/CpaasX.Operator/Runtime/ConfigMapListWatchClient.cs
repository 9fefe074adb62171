using k8s;
using k8s.Models;

namespace CpaasX.Operator.Runtime;

/// <summary>Lists and watches ConfigMaps through KubernetesClient's typed core/v1 API.</summary>
public sealed class ConfigMapListWatchClient(IKubernetes client, ListWatchSettings? settings = null) : IListWatchClient<V1ConfigMap>
{
    private readonly ListWatchSettings _settings = settings ?? new ListWatchSettings();

    public Task<ListResult<V1ConfigMap>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken) =>
        ListPage<V1ConfigMap>.CollectAsync(async continueToken =>
        {
            var list = @namespace is null
                ? await client.CoreV1.ListConfigMapForAllNamespacesAsync(
                    continueParameter: continueToken,
                    labelSelector: labelSelector,
                    limit: _settings.PageSize,
                    cancellationToken: cancellationToken).ConfigureAwait(false)
                : await client.CoreV1.ListNamespacedConfigMapAsync(
                    @namespace,
                    continueParameter: continueToken,
                    labelSelector: labelSelector,
                    limit: _settings.PageSize,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ListPage<V1ConfigMap>(
                [.. list.Items ?? []],
                list.Metadata?.ResourceVersion ?? string.Empty,
                list.Metadata?.ContinueProperty);
        });

    public IAsyncEnumerable<WatchEvent<V1ConfigMap>> WatchAsync(
        string? @namespace,
        string? labelSelector,
        string resourceVersion,
        CancellationToken cancellationToken)
    {
        var timeoutSeconds = (int)_settings.WatchTimeout.TotalSeconds;
        return WatchEventStream.AdaptAsync(
            onError => @namespace is null
                ? client.CoreV1.WatchListConfigMapForAllNamespacesAsync(
                    allowWatchBookmarks: true,
                    labelSelector: labelSelector,
                    resourceVersion: resourceVersion,
                    timeoutSeconds: timeoutSeconds,
                    onError: onError,
                    cancellationToken: cancellationToken)
                : client.CoreV1.WatchListNamespacedConfigMapAsync(
                    @namespace,
                    allowWatchBookmarks: true,
                    labelSelector: labelSelector,
                    resourceVersion: resourceVersion,
                    timeoutSeconds: timeoutSeconds,
                    onError: onError,
                    cancellationToken: cancellationToken),
            configMap => configMap,
            configMap => configMap.Metadata?.ResourceVersion,
            cancellationToken);
    }
}
