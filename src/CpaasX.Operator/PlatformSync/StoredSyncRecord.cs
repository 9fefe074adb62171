using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Operator.Api;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Writing;

using k8s;
using k8s.Autorest;
using k8s.Models;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// A namespace's <see cref="SyncRecord"/> kept in the cluster, so that what the operator created survives a restart
/// or a change of leader (prune deletes only those): the ConfigMap <c>cpaasx-platform-sync</c> in the namespace,
/// labelled as the operator's and written by it only, read by name at the start of each pass and written after each
/// platform write that changed the record. The entries are JSON under <c>record.json</c>, or gzipped under
/// <c>binaryData.record.json.gz</c> beyond what a ConfigMap holds plain (about 20,000 associations). Beside them,
/// <c>plan.md</c> holds the last pass's plan for a reader (<see cref="PlanMarkdown"/>), written in either mode when it
/// changed; the platform itself is never written for it.
/// </summary>
public sealed class StoredSyncRecord
{
    public const string ConfigMapName = "cpaasx-platform-sync";
    public const string JsonKey = "record.json";
    public const string GzipKey = "record.json.gz";
    public const string PlanKey = "plan.md";

    /// <summary>Beyond this a stored record is not one the operator wrote (a ConfigMap holds 1 MiB; the gzip inflates about tenfold).</summary>
    private const int MaxRecordBytes = 64 * 1024 * 1024;

    private readonly IKubernetes _client;
    private readonly string _namespace;
    private string? _resourceVersion;
    private string? _plan;

    private StoredSyncRecord(IKubernetes client, string @namespace, SyncRecord record, string? resourceVersion, string? plan)
    {
        _client = client;
        _namespace = @namespace;
        Record = record;
        _resourceVersion = resourceVersion;
        _plan = plan;
    }

    public SyncRecord Record { get; }

    /// <summary>The namespace's record as stored; an empty one when there is none yet.</summary>
    /// <exception cref="SyncRecordException">The ConfigMap holds something that is not a record (it is left as it is).</exception>
    public static async Task<StoredSyncRecord> LoadAsync(IKubernetes client, string @namespace, CancellationToken cancellationToken)
    {
        V1ConfigMap stored;
        try
        {
            stored = await client.CoreV1.ReadNamespacedConfigMapAsync(ConfigMapName, @namespace, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (ApiErrors.IsNotFound(error))
        {
            return new StoredSyncRecord(client, @namespace, new SyncRecord(), null, null);
        }

        var json = stored.Data?.TryGetValue(JsonKey, out var text) == true ? Encoding.UTF8.GetBytes(text)
            : stored.BinaryData?.TryGetValue(GzipKey, out var gzip) == true ? RoutingPayload.Decompress(gzip, MaxRecordBytes)
            : null;
        return new StoredSyncRecord(client, @namespace, Decode(json), stored.Metadata.ResourceVersion, stored.Data?.TryGetValue(PlanKey, out var plan) == true ? plan : null);
    }

    /// <summary>Keeps <paramref name="markdown"/> as <c>plan.md</c>, with the record as it is; no write when it is the one stored.</summary>
    /// <exception cref="SyncRecordException">The API refused the write.</exception>
    public async Task SavePlanAsync(string markdown, CancellationToken cancellationToken)
    {
        if (markdown == _plan)
        {
            return;
        }

        _plan = markdown;
        await SaveAsync(cancellationToken);
    }

    /// <summary>Writes the record (on condition that the ConfigMap is still the one read or last written).</summary>
    /// <exception cref="SyncRecordException">The record is too large for a ConfigMap, or the API refused the write.</exception>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var json = Encode(Record);
        var gzip = RoutingPayload.FitsPlain(json) ? null : RoutingPayload.Compress(json);
        if (gzip is { Length: > RoutingPayload.MaxBytes })
        {
            throw new SyncRecordException($"the record of {Record.Entries.Count} platform objects exceeds what ConfigMap {ConfigMapName} can hold");
        }

        V1ConfigMap configMap = new()
        {
            Metadata = new V1ObjectMeta
            {
                Name = ConfigMapName,
                NamespaceProperty = _namespace,
                ResourceVersion = _resourceVersion,
                Labels = new Dictionary<string, string> { [ManagedLabel.Key] = ManagedLabel.Value },
            },
            Data = Data(gzip is null ? Encoding.UTF8.GetString(json) : null),
            BinaryData = gzip is null ? null : new Dictionary<string, byte[]> { [GzipKey] = gzip },
        };
        try
        {
            var written = _resourceVersion is null
                ? await _client.CoreV1.CreateNamespacedConfigMapAsync(configMap, _namespace, cancellationToken: cancellationToken)
                : await _client.CoreV1.ReplaceNamespacedConfigMapAsync(configMap, ConfigMapName, _namespace, cancellationToken: cancellationToken);
            _resourceVersion = written.Metadata.ResourceVersion;
        }
        catch (HttpOperationException error)
        {
            throw new SyncRecordException($"writing ConfigMap {ConfigMapName} failed ({(int)error.Response.StatusCode}): {error.Response.Content}", error);
        }
    }

    private Dictionary<string, string>? Data(string? json)
    {
        Dictionary<string, string> data = [];
        if (json is not null)
        {
            data[JsonKey] = json;
        }

        if (_plan is not null)
        {
            data[PlanKey] = _plan;
        }

        return data.Count == 0 ? null : data;
    }

    // Relaxed escaping keeps an association's "->" readable in kubectl get -o yaml.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Encode(SyncRecord record) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["entries"] = new JsonArray([.. record.Entries
            .OrderBy(entry => entry.Key.Kind).ThenBy(entry => entry.Key.Key, StringComparer.Ordinal)
            .Select(entry => Encode(entry.Key.Kind, entry.Key.Key, entry.Value))]),
    }, Readable);

    // An inbound configuration's number and channel are two optional fields: a record stored without them still reads.
    private static JsonObject Encode(PlatformKind kind, string key, RecordEntry entry)
    {
        JsonObject item = new()
        {
            ["kind"] = kind.ToString(),
            ["key"] = key,
            ["owner"] = entry.Owner,
            ["created"] = entry.Created,
        };
        if (entry.Listing is { } listing)
        {
            item["numberKey"] = listing.NumberKey;
            item["channel"] = listing.Channel;
        }

        return item;
    }

    private static SyncRecord Decode(byte[]? json)
    {
        SyncRecord record = new();
        try
        {
            var root = JsonNode.Parse(json ?? throw new JsonException($"neither {JsonKey} nor a valid {GzipKey}")) ?? throw new JsonException("null");
            foreach (var entry in Field(root, "entries").AsArray())
            {
                var kind = Enum.Parse<PlatformKind>(Field(entry, "kind").GetValue<string>());
                var key = Field(entry, "key").GetValue<string>();
                var owner = Field(entry, "owner").GetValue<string>();
                InboundListing? listing = entry!["numberKey"] is { } numberKey ? new(numberKey.GetValue<string>(), Field(entry, "channel").GetValue<string>()) : null;
                if (Field(entry, "created").GetValue<bool>())
                {
                    record.Created(kind, key, owner, listing);
                }
                else
                {
                    record.Adopted(kind, key, owner, listing);
                }
            }
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new SyncRecordException(
                $"ConfigMap {ConfigMapName} does not hold a sync record ({error.Message}); nothing is applied until it is repaired or deleted (deleting it forgets which objects the operator created)",
                error);
        }

        return record;
    }

    private static JsonNode Field(JsonNode? node, string name) =>
        (node is JsonObject item ? item[name] : null) ?? throw new JsonException($"no \"{name}\"");
}
