using System.Net;

using CpaasX.ApiServer.Identity;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.WebConsole;

namespace CpaasX.Operator.Tests.WebConsole;

/// <summary>
/// The console's guard, request by request over HTTP: no session without the one-time token, the token works once,
/// a foreign Host header (DNS rebinding) and a cross-origin or CSRF-less POST are refused, the live event stream is
/// behind the same checks, and every answer carries the strict Content-Security-Policy.
/// </summary>
public sealed class ConsoleSecurityTests : IAsyncLifetime
{
    private OperatorCluster _cluster = null!;
    private ConsoleServer _console = null!;

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync();
        _console = await ConsoleServer.StartAsync(
            new IPEndPoint(IPAddress.Loopback, 0), _cluster.Server.ClientConfiguration(ApiIdentity.Admin), null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _console.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_request_without_the_token_is_refused()
    {
        using var client = NewClient();
        var answer = await client.GetAsync(_console.Address);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal(ConsoleGuard.ContentSecurityPolicy, answer.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_token_opens_one_session_with_a_strict_http_only_cookie_once()
    {
        using var first = NewClient();
        var opened = await first.GetAsync(_console.Url);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/", opened.Headers.Location?.OriginalString);
        var cookie = opened.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(_console.Address)).StatusCode);

        using var second = NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(_console.Url)).StatusCode);
    }

    [Fact]
    public async Task A_foreign_host_header_is_refused_even_with_the_token()
    {
        using var client = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, _console.Url);
        request.Headers.Host = $"rebound.example:{_console.Address.Port}";
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await client.SendAsync(request)).StatusCode);

        // The refused request did not spend the token.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(_console.Url)).StatusCode);
    }

    [Fact]
    public async Task A_cross_origin_or_csrf_less_post_is_refused()
    {
        using var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(_console.Url)).StatusCode);
        var remove = new Uri(_console.Address, "/resources/shop/dev-line/remove");

        using var crossOrigin = new HttpRequestMessage(HttpMethod.Post, remove)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["association"] = "dev-line-sms", [ConsoleGuard.CsrfField] = "guessed" }),
        };
        crossOrigin.Headers.Add("Origin", "http://attacker.example");
        var refused = await client.SendAsync(crossOrigin);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("cross-origin", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var withoutCsrf = new HttpRequestMessage(HttpMethod.Post, remove)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["association"] = "dev-line-sms" }),
        };
        withoutCsrf.Headers.Add("Origin", $"http://{_console.Address.Authority}");
        var noToken = await client.SendAsync(withoutCsrf);
        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
        Assert.Contains("CSRF", await noToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_event_stream_needs_the_session_and_the_console_host()
    {
        using var client = NewClient();
        var events = new Uri(_console.Address, LiveEvents.Path);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(events)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(_console.Url)).StatusCode);
        using var rebound = new HttpRequestMessage(HttpMethod.Get, events);
        rebound.Headers.Host = $"rebound.example:{_console.Address.Port}";
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await client.SendAsync(rebound)).StatusCode);

        // With the session: a stream of server-sent events that says when its watches are open.
        using var stream = await client.GetAsync(events, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal("event: ready", await reader.ReadLineAsync());
    }

    /// <summary>A client that keeps cookies and shows redirects as they come.</summary>
    private static HttpClient NewClient() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
}
