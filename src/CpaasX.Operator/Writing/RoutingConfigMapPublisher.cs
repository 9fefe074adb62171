using System.Collections.Concurrent;
using System.Text;

using CpaasX.Operator.Api;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Runtime.Client;

using CpaasX.Routing.Table;

using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Publishes a namespace's routing table as its routing ConfigMap (and, for a table too large for one, its shards;
/// see <see cref="RoutingShardNames"/>): creates, updates, deletes. It decides "unchanged" from metadata alone: the
/// hash annotation and the resourceVersions it last wrote. When those do not match (an edit by hand, or the operator
/// restarted), it reads the stored table back once, never inflating more than the table it would write (+1 byte), so
/// whatever a tenant plants under the managed label costs a bounded amount and is overwritten. It only touches
/// ConfigMaps that carry the managed-by label; one of the same name without it is left alone with a Warning event.
/// A table too large even sharded is not written: the last good ConfigMap stays.
/// </summary>
/// <param name="maxShards">The most shards a table is cut into (<see cref="RoutingPayload.MaxShards"/> unless a test needs a smaller bound).</param>
public sealed class RoutingConfigMapPublisher(IKubernetes client, string configMapName, OperatorMetrics metrics, EventRecorder events, ILogger logger, int maxShards = RoutingPayload.MaxShards)
{
    public const string HashAnnotation = "cpaasx.io/routing-hash";

    /// <summary>On a sharded table's index: the slot (<c>a</c> or <c>b</c>) whose shards hold the table.</summary>
    public const string SlotAnnotation = "cpaasx.io/routing-slot";
    public const string TooLargeReason = "RoutingTableTooLarge";
    public const string NotManagedReason = "RoutingConfigMapNotManaged";

    /// <summary>What this process last wrote per namespace: how it knows, from metadata alone, that nothing changed.</summary>
    private readonly ConcurrentDictionary<string, Published> _published = new(StringComparer.Ordinal);

    /// <summary>
    /// Decides what publishing <paramref name="table"/> takes, encoding it only when it must be written.
    /// </summary>
    /// <param name="observed">The namespace's managed ConfigMaps (metadata) as the informer holds them.</param>
    public async Task<RoutingPublication> PrepareAsync(string @namespace, RoutingTable table, IReadOnlyList<PartialObjectMetadata> observed, CancellationToken cancellationToken)
    {
        var json = RoutingTableJson.Serialize(table);
        var hash = RoutingTableJson.ContentHash(json);
        if (IsUnchanged(@namespace, hash, observed) || await StoredMatchesAsync(@namespace, json, hash, observed, cancellationToken).ConfigureAwait(false))
        {
            metrics.WritesSkipped.WithLabels(WriteKinds.ConfigMap).Inc();
            metrics.RoutingConfigMapBytes.WithLabels(@namespace).Set(_published[@namespace].StoredBytes);
            metrics.RoutingNotPublished.RemoveLabelled(@namespace);
            return RoutingPublication.Unchanged;
        }

        if (RoutingPayload.Encode(json, hash, maxShards) is { } payload)
        {
            return new RoutingPublication(payload, null);
        }

        metrics.RoutingTableTooLarge.Inc();
        metrics.RoutingNotPublished.WithLabels(@namespace).Set(1);
        logger.LogWarning("Routing table of {Namespace} exceeds {Shards} shards of {MaxBytes} bytes even gzipped; keeping the last published one", @namespace, maxShards, RoutingPayload.MaxBytes);
        return new RoutingPublication(null, $"the routing table exceeds {maxShards} shards of {RoutingPayload.MaxBytes} bytes even gzipped");
    }

    /// <summary>Carries out <paramref name="publication"/>: shards first, then the index, then the shards no longer needed.</summary>
    public async Task<WriteOutcome> PublishAsync(string @namespace, RoutingPublication publication, IReadOnlyList<PartialObjectMetadata> observed, CancellationToken cancellationToken)
    {
        if (publication.NotPublishedBecause is { } cause)
        {
            await events.RecordAsync(
                Reference(@namespace, configMapName),
                new PlannedEvent(PlannedEvent.Warning, TooLargeReason, $"Not published: {cause}; the last published table stays in effect."),
                cancellationToken).ConfigureAwait(false);
            return WriteOutcome.Rejected;
        }

        if (publication.Payload is not { } payload)
        {
            return WriteOutcome.Unchanged;
        }

        var index = Find(observed, configMapName);
        var previousSlot = ValueOf(index?.Metadata.Annotations, SlotAnnotation);
        var slot = payload.Shards is null ? null : RoutingShardNames.Next(previousSlot);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        var writing = configMapName;
        try
        {
            Dictionary<string, string>? indexData = null;
            if (payload.Shards is { } shards)
            {
                var entries = new List<RoutingTableShard>();
                for (var i = 0; i < shards.Count; i++)
                {
                    writing = RoutingShardNames.Name(configMapName, slot!, i);
                    var key = RoutingShardNames.Key(payload.Hash, slot!, i);
                    versions[writing] = await PutAsync(@namespace, writing, Find(observed, writing), payload.Hash, null, null, new Dictionary<string, byte[]> { [key] = shards[i] }, cancellationToken).ConfigureAwait(false);
                    entries.Add(new RoutingTableShard(writing, key));
                }

                writing = configMapName;
                indexData = new Dictionary<string, string>
                {
                    [RoutingPayload.IndexKey] = Encoding.UTF8.GetString(new RoutingTableIndex(payload.Hash, RoutingTableIndex.GzipFormat, payload.JsonBytes, entries).Serialize()),
                };
            }

            versions[configMapName] = await PutAsync(
                @namespace,
                configMapName,
                index,
                payload.Hash,
                slot,
                indexData ?? (payload.Json is null ? null : new Dictionary<string, string> { [RoutingPayload.JsonKey] = payload.Json }),
                payload.Gzip is null ? null : new Dictionary<string, byte[]> { [RoutingPayload.GzipKey] = payload.Gzip },
                cancellationToken).ConfigureAwait(false);

            // The previous sharded table stays whole in its slot for readers still on it; any other shard goes.
            var stale = observed.Where(configMap => RoutingShardNames.Parse(configMapName, configMap.Metadata.Name) is { } shard
                && (shard.Slot == slot ? !versions.ContainsKey(configMap.Metadata.Name) : shard.Slot != previousSlot || slot is null));
            await DeleteAsync(@namespace, stale.Select(configMap => configMap.Metadata.Name), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (ApiErrors.IsAlreadyExists(error))
        {
            return await ExistingAsync(@namespace, writing, cancellationToken).ConfigureAwait(false);
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

        _published[@namespace] = new Published(payload.Hash, versions, payload.StoredBytes);
        metrics.RoutingConfigMapBytes.WithLabels(@namespace).Set(payload.StoredBytes);
        metrics.RoutingNotPublished.RemoveLabelled(@namespace);
        return WriteOutcome.Written;
    }

    /// <summary>Deletes the namespace's managed routing ConfigMap and its shards, if there are any.</summary>
    public async Task<WriteOutcome> RemoveAsync(string @namespace, IReadOnlyList<PartialObjectMetadata> observed, CancellationToken cancellationToken)
    {
        metrics.RoutingNotPublished.RemoveLabelled(@namespace);
        var names = observed.Select(configMap => configMap.Metadata.Name).Where(name => RoutingShardNames.BelongsTo(configMapName, name)).ToList();
        if (names.Count == 0)
        {
            return WriteOutcome.Unchanged;
        }

        _published.TryRemove(@namespace, out _);
        metrics.RoutingConfigMapBytes.RemoveLabelled(@namespace);
        return await DeleteAsync(@namespace, names, cancellationToken).ConfigureAwait(false) ? WriteOutcome.Written : WriteOutcome.Gone;
    }

    /// <summary>True when the ConfigMap carries the managed-by label: the only ConfigMaps this operator changes.</summary>
    public static bool IsManaged(V1ObjectMeta? metadata) => ValueOf(metadata?.Labels, ManagedLabel.Key) == ManagedLabel.Value;

    private static string? ValueOf(IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    private static PartialObjectMetadata? Find(IReadOnlyList<PartialObjectMetadata> observed, string name) =>
        observed.FirstOrDefault(configMap => configMap.Metadata.Name == name);

    /// <summary>True when every ConfigMap this process last wrote for the namespace is still at the version it wrote, for this hash.</summary>
    private bool IsUnchanged(string @namespace, string hash, IReadOnlyList<PartialObjectMetadata> observed) =>
        _published.TryGetValue(@namespace, out var published)
        && published.Hash == hash
        && published.ResourceVersions.All(written => Find(observed, written.Key) is { } configMap
            && configMap.Metadata.ResourceVersion == written.Value && IsManaged(configMap.Metadata));

    /// <summary>
    /// Reads the stored table back when its metadata claims this hash but the versions are not the ones this process
    /// wrote: true (and remembered) when it holds exactly <paramref name="json"/> in the form the size rule asks.
    /// Nothing is inflated beyond <paramref name="json"/>'s length + 1.
    /// </summary>
    private async Task<bool> StoredMatchesAsync(string @namespace, byte[] json, string hash, IReadOnlyList<PartialObjectMetadata> observed, CancellationToken cancellationToken)
    {
        if (Find(observed, configMapName) is not { } claimed || !IsManaged(claimed.Metadata) || ValueOf(claimed.Metadata.Annotations, HashAnnotation) != hash)
        {
            return false;
        }

        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = await ReadManagedAsync(@namespace, configMapName, versions, cancellationToken).ConfigureAwait(false);
        if (index is null || ValueOf(index.Metadata.Annotations, HashAnnotation) != hash)
        {
            return false;
        }

        var data = index.Data ?? new Dictionary<string, string>();
        var binaryData = index.BinaryData ?? new Dictionary<string, byte[]>();
        var storedBytes = (data.Count, binaryData.Count) switch
        {
            (1, 0) when RoutingPayload.FitsPlain(json) && data.TryGetValue(RoutingPayload.JsonKey, out var plain)
                && Encoding.UTF8.GetBytes(plain).AsSpan().SequenceEqual(json) => json.Length,
            (0, 1) when !RoutingPayload.FitsPlain(json) && binaryData.TryGetValue(RoutingPayload.GzipKey, out var gzip)
                && RoutingPayload.Decompress(gzip, json.Length) is { } stored && stored.AsSpan().SequenceEqual(json) => gzip.Length,
            (1, 0) when !RoutingPayload.FitsPlain(json) && data.TryGetValue(RoutingPayload.IndexKey, out var shardIndex) =>
                await ShardsHoldAsync(@namespace, shardIndex, json.Length, hash, versions, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        if (storedBytes is null)
        {
            return false;
        }

        _published[@namespace] = new Published(hash, versions, storedBytes.Value);
        return true;
    }

    /// <summary>The stored size when the shards an index names make the table of <paramref name="hash"/>; null otherwise.</summary>
    private async Task<int?> ShardsHoldAsync(string @namespace, string indexJson, int jsonBytes, string hash, Dictionary<string, string> versions, CancellationToken cancellationToken)
    {
        try
        {
            var index = RoutingTableIndex.Parse(Encoding.UTF8.GetBytes(indexJson));
            if (index.Hash != hash || index.Bytes != jsonBytes)
            {
                return null;
            }

            var pieces = new Dictionary<RoutingTableShard, byte[]?>();
            foreach (var shard in index.Shards)
            {
                var configMap = RoutingShardNames.Parse(configMapName, shard.ConfigMap) is null ? null
                    : await ReadManagedAsync(@namespace, shard.ConfigMap, versions, cancellationToken).ConfigureAwait(false);
                pieces[shard] = configMap?.BinaryData?.TryGetValue(shard.Key, out var piece) == true ? piece : null;
            }

            index.Assemble(shard => pieces[shard]);
            return pieces.Values.Sum(piece => piece!.Length);
        }
        catch (Exception error) when (error is InvalidDataException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The ConfigMap <paramref name="name"/> when it exists and is managed, its resourceVersion noted in <paramref name="versions"/>.</summary>
    private async Task<V1ConfigMap?> ReadManagedAsync(string @namespace, string name, Dictionary<string, string> versions, CancellationToken cancellationToken)
    {
        try
        {
            var configMap = await client.CoreV1.ReadNamespacedConfigMapAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!IsManaged(configMap.Metadata))
            {
                return null;
            }

            versions[name] = configMap.Metadata.ResourceVersion;
            return configMap;
        }
        catch (Exception error) when (ApiErrors.IsNotFound(error))
        {
            return null;
        }
    }

    /// <summary>
    /// Creates or replaces (from <paramref name="observed"/>'s metadata: its other labels and annotations kept, its
    /// resourceVersion as the precondition) one ConfigMap holding exactly the given data; returns its new resourceVersion.
    /// </summary>
    private async Task<string> PutAsync(
        string @namespace,
        string name,
        PartialObjectMetadata? observed,
        string hash,
        string? slot,
        Dictionary<string, string>? data,
        Dictionary<string, byte[]>? binaryData,
        CancellationToken cancellationToken)
    {
        // A copy: the observed metadata is the informer's, shared with every reader of its store.
        var metadata = observed is null
            ? new V1ObjectMeta { Name = name, NamespaceProperty = @namespace }
            : KubernetesJson.Deserialize<V1ObjectMeta>(KubernetesJson.Serialize(observed.Metadata));
        metadata.Labels = new Dictionary<string, string>(metadata.Labels ?? new Dictionary<string, string>()) { [ManagedLabel.Key] = ManagedLabel.Value };
        var annotations = new Dictionary<string, string>(metadata.Annotations ?? new Dictionary<string, string>()) { [HashAnnotation] = hash };
        if (slot is null)
        {
            annotations.Remove(SlotAnnotation);
        }
        else
        {
            annotations[SlotAnnotation] = slot;
        }

        metadata.Annotations = annotations;
        var configMap = new V1ConfigMap { Metadata = metadata, Data = data, BinaryData = binaryData };
        var written = observed is null
            ? await client.CoreV1.CreateNamespacedConfigMapAsync(configMap, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await client.CoreV1.ReplaceNamespacedConfigMapAsync(configMap, name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        return written.Metadata.ResourceVersion;
    }

    /// <summary>Deletes the named ConfigMaps; true when it deleted any (one already gone is skipped).</summary>
    private async Task<bool> DeleteAsync(string @namespace, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var deleted = false;
        foreach (var name in names)
        {
            try
            {
                await client.CoreV1.DeleteNamespacedConfigMapAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                deleted = true;
            }
            catch (Exception error) when (ApiErrors.IsNotFound(error))
            {
                // Gone already: what was wanted.
            }
        }

        return deleted;
    }

    /// <summary>A create found a ConfigMap of our name: ours not yet seen by the informer (retry), or someone else's (leave it).</summary>
    private async Task<WriteOutcome> ExistingAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var existing = await client.CoreV1.ReadNamespacedConfigMapAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (IsManaged(existing.Metadata))
        {
            return WriteOutcome.Conflict;
        }

        logger.LogWarning("ConfigMap {Namespace}/{Name} exists without label {Label}={Value}; not touching it", @namespace, name, ManagedLabel.Key, ManagedLabel.Value);
        await events.RecordAsync(
            Reference(@namespace, name),
            new PlannedEvent(PlannedEvent.Warning, NotManagedReason, $"ConfigMap {name} exists without the label {ManagedLabel.Key}={ManagedLabel.Value}; the routing table is not published until it is removed or labelled."),
            cancellationToken).ConfigureAwait(false);
        metrics.RoutingNotPublished.WithLabels(@namespace).Set(1);
        return WriteOutcome.Held;
    }

    private static V1ObjectReference Reference(string @namespace, string name) =>
        new() { ApiVersion = "v1", Kind = "ConfigMap", Name = name, NamespaceProperty = @namespace };

    /// <summary>A table this process wrote: its hash, the resourceVersion of each ConfigMap written, the bytes stored.</summary>
    private sealed record Published(string Hash, IReadOnlyDictionary<string, string> ResourceVersions, int StoredBytes);
}
