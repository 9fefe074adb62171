using System.Net;

using CpaasX.Operator.Hosting;
using CpaasX.Routing.Mounted;
using CpaasX.Routing.Resolution;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CpaasX.Operator.Sidecar;

/// <summary>
/// The routing sidecar's HTTP/JSON API over a mounted routing table: <c>GET /v1/outbound</c> and <c>GET /v1/inbound</c>
/// answer what <c>resolve</c> answers (200 routed, 422 not routed, 400 malformed, 503 no table yet), next to the
/// operator's <c>/healthz</c>, <c>/readyz</c> (a table is loaded) and <c>/metrics</c>. docs/consuming-routing.md
/// describes the API.
/// </summary>
public sealed class RoutingSidecar : IAsyncDisposable
{
    private readonly HealthEndpoints _endpoints;

    private RoutingSidecar(HealthEndpoints endpoints) => _endpoints = endpoints;

    /// <summary>Where the API answers, with the port actually bound.</summary>
    public Uri Address => _endpoints.Address;

    public static async Task<RoutingSidecar> StartAsync(RoutingTableDirectory routing, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var metrics = new RoutingSidecarMetrics(routing);
        var outbound = new SidecarDirection("outbound", ResolutionQuery.OutboundParameters, metrics, static (resolver, parameter, writer) =>
        {
            var answer = resolver.ResolveOutbound(ResolutionQuery.Outbound(parameter));
            ResolutionJson.Write(writer, answer);
            return answer.IsRouted;
        });
        var inbound = new SidecarDirection("inbound", ResolutionQuery.InboundParameters, metrics, static (resolver, parameter, writer) =>
        {
            var answer = resolver.ResolveInbound(ResolutionQuery.Inbound(parameter));
            ResolutionJson.Write(writer, answer);
            return answer.IsRouted;
        });
        var endpoints = await HealthEndpoints.StartAsync(
            endpoint,
            () => null,
            () => routing.Current is null ? $"no routing table loaded from {routing.Path}" : null,
            metrics.ExportAsync,
            app =>
            {
                app.MapGet("/v1/outbound", context => AnswerAsync(context, routing, outbound));
                app.MapGet("/v1/inbound", context => AnswerAsync(context, routing, inbound));
            },
            cancellationToken).ConfigureAwait(false);
        return new RoutingSidecar(endpoints);
    }

    public ValueTask DisposeAsync() => _endpoints.DisposeAsync();

    // A plain request delegate writing the answer's bytes itself: no IResult, no JSON tree, no string of the answer.
    private static Task AnswerAsync(HttpContext context, RoutingTableDirectory routing, SidecarDirection direction)
    {
        var query = SidecarQuery.Parse(context.Request.QueryString.Value, direction.Parameters, context.Request.Path.Value!);
        if (query.Malformed is { } malformed)
        {
            direction.BadRequests.Inc();
            return WriteProblemAsync(context, StatusCodes.Status400BadRequest, "BadRequest", malformed);
        }

        if (routing.Current is not { } table)
        {
            direction.NoTable.Inc();
            return WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "NoRoutingTable", $"No routing table loaded from {routing.Path} yet.");
        }

        var answer = SidecarAnswer.Start();
        bool routed;
        try
        {
            routed = direction.Resolve(table.Resolver, query.Parameter, answer.Writer);
        }
        catch (FormatException exception)
        {
            direction.BadRequests.Inc();
            return WriteProblemAsync(context, StatusCodes.Status400BadRequest, "BadRequest", exception.Message);
        }

        (routed ? direction.Routed : direction.NotRouted).Inc();
        return answer.SendAsync(context.Response, routed ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    private static Task WriteProblemAsync(HttpContext context, int status, string error, string message)
    {
        var answer = SidecarAnswer.Start();
        answer.Writer.WriteStartObject();
        answer.Writer.WriteString("error", error);
        answer.Writer.WriteString("message", message);
        answer.Writer.WriteEndObject();
        return answer.SendAsync(context.Response, status);
    }
}
