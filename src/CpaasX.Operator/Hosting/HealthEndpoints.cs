using System.Net;

using CpaasX.Operator.Observability;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Hosting;

/// <summary>
/// The operator's HTTP port: <c>/healthz</c> (the process answers), <c>/readyz</c> (200 once every informer has
/// synced, 503 before) and <c>/metrics</c> (Prometheus text of this instance's registry). The routing sidecar serves
/// the same three, with its API beside them.
/// </summary>
public sealed class HealthEndpoints : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HealthEndpoints(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the endpoints answer, with the port actually bound.</summary>
    public Uri Address { get; }

    public static Task<HealthEndpoints> StartAsync(IPEndPoint endpoint, Func<bool> isReady, OperatorMetrics metrics, CancellationToken cancellationToken) =>
        StartAsync(endpoint, isReady, "informers not synced", metrics.ExportAsync, _ => { }, cancellationToken);

    /// <summary>
    /// The three endpoints on <paramref name="endpoint"/>, with <paramref name="notReady"/> as /readyz's answer while
    /// <paramref name="isReady"/> is false, plus the routes <paramref name="mapRoutes"/> adds (the routing sidecar's API).
    /// </summary>
    public static async Task<HealthEndpoints> StartAsync(
        IPEndPoint endpoint,
        Func<bool> isReady,
        string notReady,
        Func<Stream, CancellationToken, Task> exportMetrics,
        Action<WebApplication> mapRoutes,
        CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(endpoint));
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => isReady()
            ? Results.Text("ok")
            : Results.Text(notReady, statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await exportMetrics(context.Response.Body, context.RequestAborted);
        });
        mapRoutes(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        // A wildcard listen address is reached through loopback from this machine.
        var address = new Uri(bound.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return new HealthEndpoints(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
