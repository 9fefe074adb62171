using System.Net;

using CpaasX.Operator.Observability;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CpaasX.Operator.Hosting;

/// <summary>
/// The operator's HTTP port: <c>/healthz</c> (200 unless the operator is stuck), <c>/readyz</c> (200 while every
/// informer has synced and is not stuck) and <c>/metrics</c> (Prometheus text of this instance's registry). Each probe
/// answers 503 with the problem as its text. The routing sidecar serves the same three, with its API beside them.
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

    /// <param name="healthProblem">Why the process is unhealthy; null while it is healthy.</param>
    /// <param name="readinessProblem">Why the process is not ready; null while it is ready.</param>
    public static Task<HealthEndpoints> StartAsync(
        IPEndPoint endpoint, Func<string?> healthProblem, Func<string?> readinessProblem, OperatorMetrics metrics, CancellationToken cancellationToken) =>
        StartAsync(endpoint, healthProblem, readinessProblem, metrics.ExportAsync, _ => { }, cancellationToken);

    /// <summary>
    /// The three endpoints on <paramref name="endpoint"/>, <paramref name="exportMetrics"/> writing /metrics, plus the
    /// routes <paramref name="mapRoutes"/> adds (the routing sidecar's API).
    /// </summary>
    public static async Task<HealthEndpoints> StartAsync(
        IPEndPoint endpoint,
        Func<string?> healthProblem,
        Func<string?> readinessProblem,
        Func<Stream, CancellationToken, Task> exportMetrics,
        Action<WebApplication> mapRoutes,
        CancellationToken cancellationToken)
    {
        var app = KestrelApplication.Create(endpoint);
        app.MapGet("/healthz", () => Probe(healthProblem()));
        app.MapGet("/readyz", () => Probe(readinessProblem()));
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await exportMetrics(context.Response.Body, context.RequestAborted);
        });
        mapRoutes(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new HealthEndpoints(app, KestrelApplication.BoundAddress(app));
    }

    private static IResult Probe(string? problem) =>
        problem is null ? Results.Text("ok") : Results.Text(problem, statusCode: StatusCodes.Status503ServiceUnavailable);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
