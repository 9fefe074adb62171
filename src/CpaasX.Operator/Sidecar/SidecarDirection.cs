using System.Text.Json;

using CpaasX.Routing.Resolution;

using Prometheus;

namespace CpaasX.Operator.Sidecar;

/// <summary>
/// One resolve endpoint of the routing sidecar (<c>outbound</c> or <c>inbound</c>): the parameters it takes, how it
/// resolves a request and writes the answer, and its request counters by result, labelled once here because labelling
/// a counter at each request allocates.
/// </summary>
internal sealed class SidecarDirection
{
    /// <summary>Resolves the request the parameters give, writes the answer's JSON and tells whether it is routed.</summary>
    public delegate bool ResolveAndWrite(RoutingResolver resolver, Func<string, string?> parameter, Utf8JsonWriter writer);

    public SidecarDirection(string name, IReadOnlyList<string> parameters, RoutingSidecarMetrics metrics, ResolveAndWrite resolve)
    {
        Parameters = parameters;
        Resolve = resolve;
        Routed = metrics.Requests.WithLabels(name, RoutingSidecarMetrics.Routed);
        NotRouted = metrics.Requests.WithLabels(name, RoutingSidecarMetrics.NotRouted);
        BadRequests = metrics.Requests.WithLabels(name, RoutingSidecarMetrics.BadRequest);
        NoTable = metrics.Requests.WithLabels(name, RoutingSidecarMetrics.NoTable);
    }

    /// <summary>The parameters of the request, as <see cref="ResolutionQuery"/> reads them.</summary>
    public IReadOnlyList<string> Parameters { get; }

    public ResolveAndWrite Resolve { get; }

    public Counter.Child Routed { get; }

    public Counter.Child NotRouted { get; }

    public Counter.Child BadRequests { get; }

    public Counter.Child NoTable { get; }
}
