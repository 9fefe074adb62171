using System.Net;
using System.Text.Json.Nodes;

using CpaasX.Operator.Hosting;
using CpaasX.Routing.Mounted;
using CpaasX.Routing.Resolution;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CpaasX.Operator.Sidecar;

/// <summary>
/// The routing sidecar's HTTP/JSON API over a mounted routing table: <c>GET /v1/outbound</c> and <c>GET /v1/inbound</c>
/// answer what <c>resolve</c> answers (200 routed, 422 not routed, 400 malformed, 503 no table yet), next to the
/// operator's <c>/healthz</c>, <c>/readyz</c> (a table is loaded) and <c>/metrics</c>. docs/consuming-routing.md
/// describes the API.
/// </summary>
public sealed class RoutingSidecar : IAsyncDisposable
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly HealthEndpoints _endpoints;

    private RoutingSidecar(HealthEndpoints endpoints) => _endpoints = endpoints;

    /// <summary>Where the API answers, with the port actually bound.</summary>
    public Uri Address => _endpoints.Address;

    public static async Task<RoutingSidecar> StartAsync(RoutingTableDirectory routing, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var metrics = new RoutingSidecarMetrics(routing);
        var endpoints = await HealthEndpoints.StartAsync(
            endpoint,
            () => null,
            () => routing.Current is null ? $"no routing table loaded from {routing.Path}" : null,
            metrics.ExportAsync,
            app =>
            {
                app.MapGet("/v1/outbound", (HttpContext context) => Answer(
                    context, routing, metrics, "outbound", ResolutionQuery.OutboundParameters,
                    (resolver, parameter) =>
                    {
                        var answer = resolver.ResolveOutbound(ResolutionQuery.Outbound(parameter));
                        return (ResolutionJson.Of(answer), answer.IsRouted);
                    }));
                app.MapGet("/v1/inbound", (HttpContext context) => Answer(
                    context, routing, metrics, "inbound", ResolutionQuery.InboundParameters,
                    (resolver, parameter) =>
                    {
                        var answer = resolver.ResolveInbound(ResolutionQuery.Inbound(parameter));
                        return (ResolutionJson.Of(answer), answer.IsRouted);
                    }));
            },
            cancellationToken).ConfigureAwait(false);
        return new RoutingSidecar(endpoints);
    }

    public ValueTask DisposeAsync() => _endpoints.DisposeAsync();

    private static IResult Answer(
        HttpContext context,
        RoutingTableDirectory routing,
        RoutingSidecarMetrics metrics,
        string direction,
        IReadOnlyList<string> parameters,
        Func<RoutingResolver, Func<string, string?>, (JsonObject Answer, bool Routed)> resolve)
    {
        var query = context.Request.Query;
        // A misspelt or repeated parameter would otherwise be ignored or picked arbitrarily and route the wrong message.
        var unknown = query.Keys.FirstOrDefault(name => !parameters.Contains(name));
        var repeated = query.FirstOrDefault(parameter => parameter.Value.Count > 1).Key;
        if (unknown is not null || repeated is not null)
        {
            return Problem(metrics, direction, RoutingSidecarMetrics.BadRequest, StatusCodes.Status400BadRequest, "BadRequest",
                unknown is not null
                    ? $"{unknown}: not a parameter of /v1/{direction} ({string.Join(", ", parameters)})."
                    : $"{repeated}: given more than once.");
        }

        if (routing.Current is not { } table)
        {
            return Problem(metrics, direction, RoutingSidecarMetrics.NoTable, StatusCodes.Status503ServiceUnavailable, "NoRoutingTable",
                $"No routing table loaded from {routing.Path} yet.");
        }

        (JsonObject Answer, bool Routed) result;
        try
        {
            result = resolve(table.Resolver, name => query.TryGetValue(name, out StringValues value) ? value.ToString() : null);
        }
        catch (FormatException exception)
        {
            return Problem(metrics, direction, RoutingSidecarMetrics.BadRequest, StatusCodes.Status400BadRequest, "BadRequest", exception.Message);
        }

        metrics.Requests.WithLabels(direction, result.Routed ? RoutingSidecarMetrics.Routed : RoutingSidecarMetrics.NotRouted).Inc();
        return Json(result.Answer, result.Routed ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    private static IResult Problem(RoutingSidecarMetrics metrics, string direction, string result, int status, string error, string message)
    {
        metrics.Requests.WithLabels(direction, result).Inc();
        return Json(new JsonObject { ["error"] = error, ["message"] = message }, status);
    }

    private static IResult Json(JsonObject body, int status) =>
        Results.Text(body.ToJsonString(ResolutionJson.WriteOptions), JsonContentType, statusCode: status);
}
