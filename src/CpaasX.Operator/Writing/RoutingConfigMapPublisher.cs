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

    /// <param name="observed">The namespace's managed routing ConfigMap as the informer holds it; null when there is none.</param>
    public async Task<WriteOutcome> PublishAsync(string @namespace, RoutingTable table, V1ConfigMap? observed, CancellationToken cancellationToken)
    {
        var json = RoutingTableJson.Serialize(table);
        var hash = RoutingTableJson.ContentHash(json);

        // Compared before encoding: gzip of a large table costs far more than reading the stored one back.
        if (observed is not null && Holds(observed, json, hash))
        {
            metrics.WritesSkipped.WithLabels(WriteKinds.ConfigMap).Inc();
            metrics.RoutingConfigMapBytes.WithLabels(@namespace).Set(RoutingPayload.FitsPlain(json) ? json.Length : observed.BinaryData[RoutingPayload.GzipKey].Length);
            return WriteOutcome.Unchanged;
        }

        var payload = RoutingPayload.Encode(json, hash);
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
        catch (Exception error) when (ApiErrors.IsNamespaceTerminating(error))
        {
            // The namespace is being deleted with its objects: there is no table left to publish.
            return WriteOutcome.Gone;
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

    /// <summary>
    /// True when <paramref name="configMap"/> holds exactly the table <paramref name="routingJson"/>, in the form the
    /// size rule asks (plain or gzipped, nothing else), labelled and annotated as we write it.
    /// </summary>
    public static bool Holds(V1ConfigMap configMap, byte[] routingJson, string hash) =>
        IsManaged(configMap)
        && ValueOf(configMap.Metadata.Annotations, HashAnnotation) == hash
        && (RoutingPayload.FitsPlain(routingJson)
            ? configMap.Data is { Count: 1 } data && data.TryGetValue(RoutingPayload.JsonKey, out var json)
                && System.Text.Encoding.UTF8.GetBytes(json).AsSpan().SequenceEqual(routingJson)
                && configMap.BinaryData is null or { Count: 0 }
            : configMap.BinaryData is { Count: 1 } binaryData && binaryData.TryGetValue(RoutingPayload.GzipKey, out var gzip)
                && RoutingPayload.Decompress(gzip) is { } stored && stored.AsSpan().SequenceEqual(routingJson)
                && configMap.Data is null or { Count: 0 });

    /// <summary>True when the ConfigMap carries the managed-by label: the only ConfigMaps this operator changes.</summary>
    public static bool IsManaged(V1ConfigMap configMap) => ValueOf(configMap.Metadata?.Labels, ManagedByLabel) == ManagedByValue;

    private static string? ValueOf(IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

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
