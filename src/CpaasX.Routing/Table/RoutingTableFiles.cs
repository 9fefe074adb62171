namespace CpaasX.Routing.Table;

/// <summary>
/// The names a published routing table is stored under, as ConfigMap keys and so as the files of a mounted volume:
/// exactly one of <see cref="Json"/>, <see cref="Gzip"/> or <see cref="Index"/> (a sharded table, whose pieces are
/// the files its index names).
/// </summary>
public static class RoutingTableFiles
{
    /// <summary>The table as plain JSON.</summary>
    public const string Json = "routing.json";

    /// <summary>The table gzipped, when plain it would not fit one ConfigMap.</summary>
    public const string Gzip = "routing.json.gz";

    /// <summary>The index of a sharded table: its hash, format, size and pieces (<see cref="RoutingTableIndex"/>).</summary>
    public const string Index = "routing-index.json";

    /// <summary>
    /// The most a table may expand to when read (256 MiB): a gzip stream is never inflated beyond it, so a hostile
    /// or broken file costs a reader a bounded amount of memory. A sharded table is bounded tighter, by the size its
    /// index declares.
    /// </summary>
    public const int MaxTableBytes = 256 * 1024 * 1024;
}
