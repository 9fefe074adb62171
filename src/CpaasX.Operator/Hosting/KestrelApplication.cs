using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Hosting;

/// <summary>The project's small HTTP servers (health endpoints, metrics, console): Kestrel alone on one endpoint, no framework logging.</summary>
internal static class KestrelApplication
{
    /// <param name="listen">More settings of the endpoint (TLS for the secured metrics).</param>
    public static WebApplication Create(IPEndPoint endpoint, Action<ListenOptions>? listen = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(endpoint, options => listen?.Invoke(options)));
        return builder.Build();
    }

    /// <summary>Where a started application answers, with the port actually bound (for port 0).</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        // A wildcard listen address is reached through loopback from this machine.
        return new Uri(bound.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }
}
