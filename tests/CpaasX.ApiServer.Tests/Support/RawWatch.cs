using System.Text.Json.Nodes;

namespace CpaasX.ApiServer.Tests.Support;

/// <summary>A watch read line by line over a plain HttpClient, to see the exact wire form (ERROR lines, stream end).</summary>
internal sealed class RawWatch : IAsyncDisposable
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(10);
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private RawWatch(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<RawWatch> Open(HttpClient http, string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new RawWatch(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<JsonObject?> Next()
    {
        using var timeout = new CancellationTokenSource(LineTimeout);
        var line = await _reader.ReadLineAsync(timeout.Token);
        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}
