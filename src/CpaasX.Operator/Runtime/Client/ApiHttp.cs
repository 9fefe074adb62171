using System.Net;
using System.Net.Http.Headers;

using k8s;
using k8s.Autorest;

namespace CpaasX.Operator.Runtime.Client;

/// <summary>
/// Requests through a <see cref="Kubernetes"/> client's own HTTP pipeline (its handlers and certificates, its
/// credentials), sent as the client sends its own (HTTP/2 asked for unless the configuration disables it, the
/// configured server name), answered with the open response for the caller to decode: the client's API methods turn
/// every body into text and every answer into a JSON tree before a caller sees it, which the operator's hot paths
/// (informers' lists and watches, status and finalizer writes) do not need. A failed request throws the client's
/// <see cref="HttpOperationException"/>, as its API methods do.
/// </summary>
/// <param name="client">The client whose pipeline carries the requests.</param>
/// <param name="configuration">What <paramref name="client"/> was built from; the client keeps its server name and HTTP/2 setting to itself.</param>
public sealed class ApiHttp(Kubernetes client, KubernetesClientConfiguration? configuration = null)
{
    /// <summary>Sends GET <paramref name="relativeUri"/>, asking for <paramref name="accept"/> if given; returns as soon as the headers are in.</summary>
    public Task<HttpResponseMessage> GetAsync(string relativeUri, CancellationToken cancellationToken, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri, relativeUri));
        if (accept is not null)
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        }

        return SendAsync(request, cancellationToken);
    }

    /// <summary>Sends <paramref name="body"/> (UTF-8 JSON of <paramref name="contentType"/>) to <paramref name="relativeUri"/>.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativeUri, byte[] body, string contentType, CancellationToken cancellationToken) =>
        SendAsync(
            new HttpRequestMessage(method, new Uri(client.BaseUri, relativeUri))
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } },
            },
            cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            if (client.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
            }

            if (configuration?.DisableHttp2 != true)
            {
                request.Version = HttpVersion.Version20;
            }

            if (!string.IsNullOrWhiteSpace(configuration?.TlsServerName))
            {
                request.Headers.Host = configuration.TlsServerName;
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
}
