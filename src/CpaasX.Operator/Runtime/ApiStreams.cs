using k8s;
using k8s.Autorest;

namespace CpaasX.Operator.Runtime;

/// <summary>
/// GET requests through a <see cref="Kubernetes"/> client's own HTTP pipeline (its handlers and certificates, its
/// credentials, its server name), answered with the open response for the caller to decode: the client's API methods
/// parse every answer into a JSON tree before a caller sees it. A failed request throws the client's
/// <see cref="HttpOperationException"/>, as its API methods do.
/// </summary>
public sealed class ApiStreams(Kubernetes client, string? tlsServerName = null)
{
    /// <summary>Sends GET <paramref name="relativeUri"/>; returns as soon as the headers are in.</summary>
    public async Task<HttpResponseMessage> GetAsync(string relativeUri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri, relativeUri));
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrWhiteSpace(tlsServerName))
        {
            request.Headers.Host = tlsServerName;
        }

        var response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpOperationException($"Operation returned an invalid status code '{response.StatusCode}', response body {content}")
            {
                Request = new HttpRequestMessageWrapper(request, string.Empty),
                Response = new HttpResponseMessageWrapper(response, content),
            };
        }
    }
}
