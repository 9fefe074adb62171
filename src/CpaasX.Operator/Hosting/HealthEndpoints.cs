using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CpaasX.Operator.Hosting;

/// <summary>
/// The probes' HTTP port: <c>/healthz</c> (200 unless the process is stuck) and <c>/readyz</c> (200 while every
/// informer has synced and is not stuck), plain HTTP without a token as the kubelet calls them. Each probe answers 503
/// with the problem as its text. The operator serves its <c>/metrics</c> apart (<see cref="MetricsEndpoint"/>); the
/// routing sidecar serves <c>/metrics</c> here, with its API beside them.
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
        IPEndPoint endpoint, Func<string?> healthProblem, Func<string?> readinessProblem, CancellationToken cancellationToken) =>
        StartAsync(endpoint, healthProblem, readinessProblem, null, _ => { }, cancellationToken);

    /// <summary>
    /// The probes on <paramref name="endpoint"/>, /metrics too when <paramref name="exportMetrics"/> writes it, plus
    /// the routes <paramref name="mapRoutes"/> adds (the routing sidecar's API).
    /// </summary>
    public static async Task<HealthEndpoints> StartAsync(
        IPEndPoint endpoint,
        Func<string?> healthProblem,
        Func<string?> readinessProblem,
        Func<Stream, CancellationToken, Task>? exportMetrics,
        Action<WebApplication> mapRoutes,
        CancellationToken cancellationToken)
    {
        var app = KestrelApplication.Create(endpoint);
        app.MapGet("/healthz", () => Probe(healthProblem()));
        app.MapGet("/readyz", () => Probe(readinessProblem()));
        if (exportMetrics is not null)
        {
            MetricsEndpoint.MapMetrics(app, exportMetrics);
        }

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
