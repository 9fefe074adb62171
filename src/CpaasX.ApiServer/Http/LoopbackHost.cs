using System.Net;

using Microsoft.AspNetCore.Http;

namespace CpaasX.ApiServer.Http;

/// <summary>
/// The Host headers this loopback-only server answers. A page on another site that rebinds its own DNS name to
/// 127.0.0.1 sends its name as Host; refusing it keeps browsers from driving the server.
/// </summary>
internal static class LoopbackHost
{
    public static bool Accepts(HostString host) =>
        host.HasValue
        && (string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
