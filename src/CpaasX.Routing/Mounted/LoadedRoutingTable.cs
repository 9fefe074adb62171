using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

namespace CpaasX.Routing.Mounted;

/// <summary>
/// One version of a mounted routing table: the table, its resolver (indexed once) and its content hash, the
/// <c>sha256:</c> hash of the table as <see cref="RoutingTableJson.Serialize"/> writes it, which is the routing
/// ConfigMap's <c>cpaasx.io/routing-hash</c> annotation when the operator and this library share a version.
/// </summary>
public sealed record LoadedRoutingTable(RoutingTable Table, RoutingResolver Resolver, string Hash)
{
    public static LoadedRoutingTable Of(RoutingTable table) =>
        new(table, new RoutingResolver(table), RoutingTableJson.ContentHash(RoutingTableJson.Serialize(table)));
}
