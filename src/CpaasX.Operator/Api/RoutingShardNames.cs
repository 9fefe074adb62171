using System.Globalization;

namespace CpaasX.Operator.Api;

/// <summary>
/// How the shards of a sharded routing table are named. The ConfigMaps have stable names,
/// <c>&lt;name&gt;-&lt;slot&gt;-&lt;i&gt;</c>, in two slots, <c>a</c> and <c>b</c>, used in turn: a new table is written
/// into the slot the index does not name, then the index switches to it, and the previous table stays whole in the
/// other slot. Stable names let a Pod list them in a projected volume; the two slots make the switch atomic for
/// readers. The key of each piece carries the table's hash, so pieces of two versions never pass as one table.
/// </summary>
internal static class RoutingShardNames
{
    public const string FirstSlot = "a";
    public const string SecondSlot = "b";

    public static string Name(string configMapName, string slot, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{configMapName}-{slot}-{index}");

    /// <summary>The key of a piece: its slot and position, and the first 16 hex digits of the table's hash.</summary>
    public static string Key(string hash, string slot, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"routing-{slot}{index}-{hash[(hash.IndexOf(':', StringComparison.Ordinal) + 1)..][..16]}.json.gz.part");

    /// <summary>The slot a new table goes to: the one <paramref name="currentSlot"/> (the index's) is not.</summary>
    public static string Next(string? currentSlot) => currentSlot == FirstSlot ? SecondSlot : FirstSlot;

    /// <summary>The slot and position of <paramref name="name"/> when it is a shard of <paramref name="configMapName"/>.</summary>
    public static (string Slot, int Index)? Parse(string configMapName, string? name)
    {
        if (name is null || name.Length < configMapName.Length + 4 || !name.StartsWith(configMapName + "-", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name[(configMapName.Length + 1)..];
        return rest.Length >= 3 && rest[1] == '-' && (rest[..1] is FirstSlot or SecondSlot)
            && int.TryParse(rest[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && rest[2..] == index.ToString(CultureInfo.InvariantCulture)
            ? (rest[..1], index)
            : null;
    }

    /// <summary>True for the routing ConfigMap itself and for its shards: a change to any of them is the namespace's.</summary>
    public static bool BelongsTo(string configMapName, string? name) => name == configMapName || Parse(configMapName, name) is not null;
}
