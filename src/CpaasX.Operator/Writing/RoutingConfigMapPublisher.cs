using CpaasX.Operator.Observability;
using CpaasX.Routing.Table;

using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Publishes a namespace's routing table as its routing ConfigMap: creates it, updates it when the stored data or
/// hash differ from the table (so a hand edit is put back), deletes it when the namespace has no CPaaS X objects.
/// It only ever touches ConfigMaps that carry the managed-by label; one of the same name without it is left alone
/// with a Warning event. A table too large even gzipped is not written: the last good ConfigMap stays.
/// </summary>
public sealed class RoutingConfigMapPublisher(IKubernetes client, string configMapName, OperatorMetrics metrics, EventRecorder events, ILogger logger)
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "cpaasx-operator";
    public const string HashAnnotation = "cpaasx.io/routing-hash";
    public const string TooLargeReason = "RoutingTableTooLarge";
    public const string NotManagedReason = "RoutingConfigMapNotManaged";

    /// <summary>The selector of the ConfigMaps this operator owns (for the informer).</summary>
    public const string LabelSelector = ManagedByLabel + "=" + ManagedByValue;

    public string ConfigMapName => configMapName;

    /// <param name="observed">The namespace's managed routing ConfigMap as the informer holds it; null when there is none.</param>
    public async Task<WriteOutcome> PublishAsync(string @namespace, RoutingTable table, V1ConfigMap? observed, CancellationToken cancellationToken)
    {
        var payload = RoutingPayload.Encode(RoutingTableJson.Serialize(table));
        if (payload is null)
        {
            metrics.RoutingTableTooLarge.Inc();
            logger.LogWarning("Routing table of {Namespace} exceeds {MaxBytes} bytes even gzipped; keeping the last published one", @namespace, RoutingPayload.MaxBytes);
            await events.RecordAsync(
                Reference(@namespace),
                new PlannedEvent(PlannedEvent.Warning, TooLargeReason, $"The routing table exceeds {RoutingPayload.MaxBytes} bytes even gzipped; the last published table stays in effect."),
                cancellationToken).ConfigureAwait(false);
            return WriteOutcome.Rejected;
        }

        if (observed is not null && Holds(observed, payload))
        {
            metrics.WritesSkipped.WithLabels(WriteKinds.ConfigMap).Inc();
            metrics.RoutingConfigMapBytes.WithLabels(@namespace).Set(payload.StoredBytes);
            return WriteOutcome.Unchanged;
        }

        try
        {
            if (observed is null)
            {
                await client.CoreV1.CreateNamespacedConfigMapAsync(WithPayload(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = configMapName, NamespaceProperty = @namespace } }, payload), @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await client.CoreV1.ReplaceNamespacedConfigMapAsync(WithPayload(observed, payload), configMapName, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (ApiErrors.IsAlreadyExists(error))
        {
            return await ExistingAsync(@namespace, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (ApiErrors.IsConflict(error) || ApiErrors.IsNotFound(error))
        {
            // Changed or deleted since the informer saw it: the watch brings the news and the namespace comes back.
            return WriteOutcome.Conflict;
        }

        metrics.RoutingConfigMapBytes.WithLabels(@namespace).Set(payload.StoredBytes);
        return WriteOutcome.Written;
    }

    /// <summary>Deletes the namespace's managed routing ConfigMap, if there is one.</summary>
    public async Task<WriteOutcome> RemoveAsync(string @namespace, V1ConfigMap? observed, CancellationToken cancellationToken)
    {
        if (observed is null)
        {
            return WriteOutcome.Unchanged;
        }

        metrics.RoutingConfigMapBytes.RemoveLabelled(@namespace);
        try
        {
            await client.CoreV1.DeleteNamespacedConfigMapAsync(configMapName, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            return WriteOutcome.Written;
        }
        catch (Exception error) when (ApiErrors.IsNotFound(error))
        {
            return WriteOutcome.Gone;
        }
    }

    /// <summary>True when <paramref name="configMap"/> holds exactly the payload, labelled and annotated as we write it.</summary>
    public static bool Holds(V1ConfigMap configMap, RoutingPayload payload) =>
        IsManaged(configMap)
        && ValueOf(configMap.Metadata.Annotations, HashAnnotation) == payload.Hash
        && SameData(configMap.Data, payload)
        && SameBinaryData(configMap.BinaryData, payload);

    /// <summary>True when the ConfigMap carries the managed-by label: the only ConfigMaps this operator changes.</summary>
    public static bool IsManaged(V1ConfigMap configMap) => ValueOf(configMap.Metadata?.Labels, ManagedByLabel) == ManagedByValue;

    private static string? ValueOf(IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    private static bool SameData(IDictionary<string, string>? data, RoutingPayload payload) =>
        payload.Json is null
            ? data is null || data.Count == 0
            : data is { Count: 1 } && data.TryGetValue(RoutingPayload.JsonKey, out var json) && json == payload.Json;

    private static bool SameBinaryData(IDictionary<string, byte[]>? binaryData, RoutingPayload payload) =>
        payload.Gzip is null
            ? binaryData is null || binaryData.Count == 0
            : binaryData is { Count: 1 } && binaryData.TryGetValue(RoutingPayload.GzipKey, out var gzip) && gzip.AsSpan().SequenceEqual(payload.Gzip);

    /// <summary><paramref name="configMap"/> (its other labels and annotations kept) holding exactly the payload.</summary>
    private static V1ConfigMap WithPayload(V1ConfigMap configMap, RoutingPayload payload)
    {
        var metadata = configMap.Metadata;
        metadata.Labels = new Dictionary<string, string>(metadata.Labels ?? new Dictionary<string, string>()) { [ManagedByLabel] = ManagedByValue };
        metadata.Annotations = new Dictionary<string, string>(metadata.Annotations ?? new Dictionary<string, string>()) { [HashAnnotation] = payload.Hash };
        return new V1ConfigMap
        {
            Metadata = metadata,
            Data = payload.Json is null ? null : new Dictionary<string, string> { [RoutingPayload.JsonKey] = payload.Json },
            BinaryData = payload.Gzip is null ? null : new Dictionary<string, byte[]> { [RoutingPayload.GzipKey] = payload.Gzip },
        };
    }

    /// <summary>A create found a ConfigMap of our name: ours not yet seen by the informer (retry), or someone else's (leave it).</summary>
    private async Task<WriteOutcome> ExistingAsync(string @namespace, CancellationToken cancellationToken)
    {
        var existing = await client.CoreV1.ReadNamespacedConfigMapAsync(configMapName, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (IsManaged(existing))
        {
            return WriteOutcome.Conflict;
        }

        logger.LogWarning("ConfigMap {Namespace}/{Name} exists without label {Label}={Value}; not touching it", @namespace, configMapName, ManagedByLabel, ManagedByValue);
        await events.RecordAsync(
            Reference(@namespace),
            new PlannedEvent(PlannedEvent.Warning, NotManagedReason, $"ConfigMap {configMapName} exists without the label {ManagedByLabel}={ManagedByValue}; the routing table is not published until it is removed or labelled."),
            cancellationToken).ConfigureAwait(false);
        return WriteOutcome.Held;
    }

    private V1ObjectReference Reference(string @namespace) =>
        new() { ApiVersion = "v1", Kind = "ConfigMap", Name = configMapName, NamespaceProperty = @namespace };
}
