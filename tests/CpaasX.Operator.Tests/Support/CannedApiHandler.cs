using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CpaasX.Operator.Tests.Support;

/// <summary>Answers KubernetesClient's HTTP requests in process from a function of the request, and records each request URI, its authorization and host headers and the HTTP version asked for.</summary>
internal sealed class CannedApiHandler(Func<HttpRequestMessage, (HttpStatusCode Status, string Body)> answer) : DelegatingHandler
{
    private readonly ConcurrentQueue<Uri> _requests = new();
    private readonly ConcurrentQueue<(string? Authorization, string? Host, Version Version)> _headers = new();

    public IReadOnlyList<Uri> Requests => [.. _requests];

    public IReadOnlyList<(string? Authorization, string? Host, Version Version)> Headers => [.. _headers];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request.RequestUri!);
        _headers.Enqueue((request.Headers.Authorization?.ToString(), request.Headers.Host, request.Version));
        var (status, body) = answer(request);
        return Task.FromResult(new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });
    }
}
