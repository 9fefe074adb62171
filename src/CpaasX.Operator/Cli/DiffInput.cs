using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Operator.Compilation;
using CpaasX.Operator.Diff;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Cli;

/// <summary>
/// One side of <c>diff</c>: a compiled routing table file (routing.json, gzipped or not, or <c>compile</c>'s object of
/// tables keyed by namespace), a folder where a routing ConfigMap is mounted (sharded or not), else what
/// <c>compile -f</c> takes (a manifest file or folder), compiled offline.
/// </summary>
internal static class DiffInput
{
    public static IReadOnlyList<NamespaceState> Load(string path, string option, DateTimeOffset now) =>
        (File.Exists(path) ? CompiledTables(path, option) : IsMountedTable(path) ? MountedTable(path, option) : null)
        ?? [.. ManifestCompiler.Compile(CompileCommand.ReadManifests([path], option), now).Select(NamespaceState.Of)];

    // A folder holding a published table (plain, gzipped or sharded, as a routing ConfigMap is mounted), not manifests.
    private static bool IsMountedTable(string path) =>
        Directory.Exists(path)
        && new[] { RoutingTableFiles.Json, RoutingTableFiles.Gzip, RoutingTableFiles.Index }.Any(name => File.Exists(Path.Combine(path, name)));

    private static List<NamespaceState> MountedTable(string path, string option)
    {
        try
        {
            return [new NamespaceState(RoutingTableJson.Load(path), null)];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            throw new UsageException($"{option}: cannot read a routing table from '{path}': {exception.Message}", exception);
        }
    }

    // Null when the file is no compiled table (a YAML or JSON manifest).
    private static List<NamespaceState>? CompiledTables(string path, string option)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var gzipped = RoutingTableJson.IsGzip(bytes);
            // Inflated once: the plain bytes serve both the kind check and the table.
            var plain = gzipped ? RoutingTableJson.Gunzip(bytes) : bytes;
            var root = ParseObject(plain, throwIfNotJson: gzipped);
            if (IsTable(root))
            {
                return [new NamespaceState(RoutingTableJson.Deserialize(plain), null)];
            }

            return root is { Count: > 0 } && root.All(property => IsTable(property.Value as JsonObject))
                ? [.. root.Select(property => new NamespaceState(RoutingTableJson.Deserialize(JsonSerializer.SerializeToUtf8Bytes(property.Value)), null))]
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            throw new UsageException($"{option}: cannot read a routing table from '{path}': {exception.Message}", exception);
        }
    }

    private static JsonObject? ParseObject(byte[] bytes, bool throwIfNotJson)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException) when (!throwIfNotJson)
        {
            return null;
        }
    }

    private static bool IsTable(JsonObject? json) =>
        json?["kind"] is JsonValue kind && kind.TryGetValue(out string? text) && text == RoutingTable.TableKind;
}
