namespace CpaasX.Routing.Table;

/// <summary>
/// Reads the routing table from a directory where its ConfigMap (and, sharded, its shards) is mounted. The kubelet
/// writes a new version of a volume into a fresh folder and swaps the <c>..data</c> link to it: the link is resolved
/// once, so every file comes from the same version even if a swap happens while reading.
/// </summary>
internal static class MountedTableReader
{
    private const string KubeletDataLink = "..data";

    public static RoutingTable Load(string directory)
    {
        var root = Snapshot(directory);
        string[] present = [.. new[] { RoutingTableFiles.Json, RoutingTableFiles.Gzip, RoutingTableFiles.Index }
            .Where(name => File.Exists(Path.Combine(root, name)))];
        return present switch
        {
            [RoutingTableFiles.Index] => RoutingTableIndex.Parse(File.ReadAllBytes(Path.Combine(root, RoutingTableFiles.Index)))
                .Assemble(shard => ReadShard(root, shard)),
            [var single] => RoutingTableJson.Deserialize(File.ReadAllBytes(Path.Combine(root, single))),
            // No table is a missing file (the operator has not published yet), not a broken one.
            [] => throw new FileNotFoundException(
                $"{directory} holds no routing table ({RoutingTableFiles.Json}, {RoutingTableFiles.Gzip} or {RoutingTableFiles.Index}).",
                Path.Combine(directory, RoutingTableFiles.Json)),
            _ => throw new InvalidDataException($"{directory} holds more than one routing table ({string.Join(", ", present)}): a mixed set."),
        };
    }

    /// <summary>The folder the kubelet's <c>..data</c> link points to now, or the directory itself when it is not a kubelet volume.</summary>
    private static string Snapshot(string directory)
    {
        var link = new DirectoryInfo(Path.Combine(directory, KubeletDataLink));
        return link.Exists && link.ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : directory;
    }

    private static byte[]? ReadShard(string root, RoutingTableShard shard)
    {
        // A key is a file name: never let an index point outside the volume.
        if (Path.GetFileName(shard.Key) != shard.Key || shard.Key.StartsWith('.'))
        {
            throw new InvalidDataException($"Shard key '{shard.Key}' is not a file name.");
        }

        var file = Path.Combine(root, shard.Key);
        return File.Exists(file) ? File.ReadAllBytes(file) : null;
    }
}
