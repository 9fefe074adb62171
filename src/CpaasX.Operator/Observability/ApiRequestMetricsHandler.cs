using System.Globalization;

namespace CpaasX.Operator.Observability;

/// <summary>
/// Counts every request the Kubernetes client makes as client-go's <c>rest_client_requests_total</c> does: by status
/// code, HTTP method (upper case, so a watch is a GET) and host (host:port of the API server); a request that got no
/// answer counts with code <c>&lt;error&gt;</c>.
/// </summary>
public sealed class ApiRequestMetricsHandler(OperatorMetrics metrics) : DelegatingHandler
{
    /// <summary>client-go's code for a request that got no HTTP answer.</summary>
    public const string NoAnswer = "<error>";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method.ToUpperInvariant();
        var host = request.RequestUri?.Authority ?? string.Empty;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.RestClientRequests.WithLabels(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), method, host).Inc();
            return response;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.RestClientRequests.WithLabels(NoAnswer, method, host).Inc();
            throw;
        }
    }
}
