using System.Text.Json;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Runtime;

/// <summary>
/// Lists and watches one custom resource through KubernetesClient's CustomObjects API. The API hands out raw
/// JSON; <c>deserialize</c> turns each object into <typeparamref name="T"/> (by default with the client's own
/// JSON settings), so the informer does not depend on how the API types are written.
/// </summary>
public sealed class CustomObjectListWatchClient<T> : IListWatchClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IKubernetes _client;
    private readonly CustomResourceName _resource;
    private readonly Func<JsonElement, T> _deserialize;
    private readonly ListWatchSettings _settings;

    public CustomObjectListWatchClient(
        IKubernetes client,
        CustomResourceName resource,
        Func<JsonElement, T>? deserialize = null,
        ListWatchSettings? settings = null)
    {
        _client = client;
        _resource = resource;
        _deserialize = deserialize ?? (element => KubernetesJson.Deserialize<T>(element));
        _settings = settings ?? new ListWatchSettings();
    }

    public Task<ListResult<T>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken) =>
        ListPage<T>.CollectAsync(async continueToken =>
        {
            var response = @namespace is null
                ? await _client.CustomObjects.ListCustomObjectForAllNamespacesAsync(
                    _resource.Group,
                    _resource.Version,
                    _resource.Plural,
                    continueParameter: continueToken,
                    labelSelector: labelSelector,
                    limit: _settings.PageSize,
                    cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _client.CustomObjects.ListNamespacedCustomObjectAsync(
                    _resource.Group,
                    _resource.Version,
                    @namespace,
                    _resource.Plural,
                    continueParameter: continueToken,
                    labelSelector: labelSelector,
                    limit: _settings.PageSize,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            return ToPage(response);
        });

    public IAsyncEnumerable<WatchEvent<T>> WatchAsync(
        string? @namespace,
        string? labelSelector,
        string resourceVersion,
        CancellationToken cancellationToken)
    {
        var timeoutSeconds = (int)_settings.WatchTimeout.TotalSeconds;
        return WatchEventStream.AdaptAsync(
            onError => @namespace is null
                ? _client.CustomObjects.WatchListCustomObjectForAllNamespacesAsync(
                    _resource.Group,
                    _resource.Version,
                    _resource.Plural,
                    allowWatchBookmarks: true,
                    labelSelector: labelSelector,
                    resourceVersion: resourceVersion,
                    timeoutSeconds: timeoutSeconds,
                    onError: onError,
                    cancellationToken: cancellationToken)
                : _client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                    _resource.Group,
                    _resource.Version,
                    @namespace,
                    _resource.Plural,
                    allowWatchBookmarks: true,
                    labelSelector: labelSelector,
                    resourceVersion: resourceVersion,
                    timeoutSeconds: timeoutSeconds,
                    onError: onError,
                    cancellationToken: cancellationToken),
            obj => _deserialize(AsJson(obj)),
            obj => ResourceVersionOf(AsJson(obj)),
            cancellationToken);
    }

    private ListPage<T> ToPage(object response)
    {
        var list = AsJson(response);
        var items = list.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(_deserialize).ToList()
            : [];
        var continueToken = list.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("continue", out var token)
            ? token.GetString()
            : null;
        return new ListPage<T>(items, ResourceVersionOf(list) ?? string.Empty, continueToken);
    }

    private static string? ResourceVersionOf(JsonElement obj) =>
        obj.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("resourceVersion", out var resourceVersion)
            ? resourceVersion.GetString()
            : null;

    // The client deserializes untyped responses as JsonElement.
    private static JsonElement AsJson(object response) =>
        response as JsonElement? ?? throw new InvalidOperationException($"Expected a JSON object from the API, got {response.GetType().Name}.");
}
