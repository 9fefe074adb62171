namespace CpaasX.Operator.Observability;

/// <summary>
/// Counts every request the Kubernetes client makes by verb and status code. The verb is the HTTP method in lower
/// case, except that a GET with <c>watch=true</c> counts as <c>watch</c>; a request that got no answer counts with
/// code <c>error</c>.
/// </summary>
public sealed class ApiRequestMetricsHandler(OperatorMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var verb = VerbOf(request);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.ApiRequests.WithLabels(verb, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
            return response;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.ApiRequests.WithLabels(verb, "error").Inc();
            throw;
        }
    }

    private static string VerbOf(HttpRequestMessage request)
    {
        var query = request.RequestUri?.Query ?? string.Empty;
        return request.Method == HttpMethod.Get && query.Contains("watch=true", StringComparison.OrdinalIgnoreCase)
            ? "watch"
            : request.Method.Method.ToLowerInvariant();
    }
}
