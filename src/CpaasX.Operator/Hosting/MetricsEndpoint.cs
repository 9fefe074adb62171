using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CpaasX.Operator.Hosting;

/// <summary>
/// The operator's <c>/metrics</c> on a port of its own, apart from the probes, as kubebuilder v4 serves it. Secured
/// (the default): HTTPS, and each scrape must present a bearer token that a TokenReview authenticates and a
/// SubjectAccessReview allows to <c>get</c> the non-resource URL <c>/metrics</c> (<see cref="MetricsAccessReview"/>).
/// Otherwise plain HTTP that anyone reaching the port may read.
/// </summary>
public sealed class MetricsEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsEndpoint(WebApplication app)
    {
        _app = app;
        Address = KestrelApplication.BoundAddress(app);
    }

    /// <summary>Where /metrics answers (https:// when secured), with the port actually bound.</summary>
    public Uri Address { get; }

    /// <param name="accessReview">Secures the endpoint: HTTPS, each scrape reviewed; null serves plain HTTP to anyone.</param>
    /// <param name="certificateDirectory">With <paramref name="accessReview"/>: tls.crt and tls.key to serve; null makes a self-signed certificate.</param>
    internal static async Task<MetricsEndpoint> StartAsync(
        IPEndPoint endpoint,
        Func<Stream, CancellationToken, Task> exportMetrics,
        MetricsAccessReview? accessReview,
        string? certificateDirectory,
        CancellationToken cancellationToken)
    {
        var certificate = accessReview is null ? null : MetricsCertificate.Load(certificateDirectory);
        var app = KestrelApplication.Create(endpoint, listen =>
        {
            // HTTP/1.1 only, as kubebuilder's --enable-http2=false default: HTTP/2's rapid-reset attacks stay out.
            listen.Protocols = HttpProtocols.Http1;
            if (certificate is not null)
            {
                listen.UseHttps(https => https.ServerCertificateSelector = (_, _) => certificate.Current());
            }
        });
        if (accessReview is not null)
        {
            app.Use(async (context, next) =>
            {
                if (await accessReview.RefusalAsync(context.Request, context.RequestAborted) is { } refusal)
                {
                    context.Response.StatusCode = refusal.StatusCode;
                    await context.Response.WriteAsync(refusal.Message + "\n", context.RequestAborted);
                    return;
                }

                await next(context);
            });
        }

        MapMetrics(app, exportMetrics);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new MetricsEndpoint(app);
    }

    /// <summary>Serves <c>GET /metrics</c> as Prometheus text, which <paramref name="exportMetrics"/> writes.</summary>
    internal static void MapMetrics(WebApplication app, Func<Stream, CancellationToken, Task> exportMetrics) =>
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await exportMetrics(context.Response.Body, context.RequestAborted);
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
