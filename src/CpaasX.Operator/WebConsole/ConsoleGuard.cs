using System.Security.Cryptography;
using System.Text;

using Microsoft.AspNetCore.Http;

namespace CpaasX.Operator.WebConsole;

/// <summary>
/// The console's security, in front of every request: it holds the user's credentials, so only the browser that opened
/// the printed URL may use it. The Host header must be the bound loopback address and port (a DNS-rebinding page sends
/// its own name); the one-time token from the URL is exchanged for an HttpOnly, SameSite=Strict session cookie; a
/// request without that cookie is refused; a state-changing request needs a same-origin Origin and the session's CSRF
/// token; every answer carries a strict Content-Security-Policy (only the console's own script, nothing from elsewhere).
/// </summary>
internal sealed class ConsoleGuard
{
    public const string CookieName = "cpaasx-console";
    public const string TokenParameter = "token";
    public const string CsrfField = "csrf";

    /// <summary>Only the console's own script runs (no inline script) and nothing is loaded from anywhere but the console itself.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private readonly string _session = NewSecret();
    private string? _host;
    private string? _origin;
    private string? _token = NewSecret();

    public ConsoleGuard()
    {
        Token = _token;
        Csrf = NewSecret();
    }

    /// <summary>The address Kestrel bound (its port is known only once it listens); every request is refused before.</summary>
    public void Bind(Uri address)
    {
        _origin = $"{address.Scheme}://{address.Authority}";
        _host = address.Authority;
    }

    /// <summary>The token of the printed URL; it opens one session, once.</summary>
    public string Token { get; }

    /// <summary>The session's CSRF token, written into every form.</summary>
    public string Csrf { get; }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        // same-origin, not no-referrer: with no-referrer the browser sends "Origin: null" on its own form posts.
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.CacheControl = "no-store";

        var refusal = await RefusalAsync(context).ConfigureAwait(false);
        if (refusal is not null)
        {
            response.StatusCode = refusal.Value.Status;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(refusal.Value.Message, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (context.Request.Query.ContainsKey(TokenParameter))
        {
            // The token leaves the address bar and the history: the cookie carries the session from here on.
            response.Redirect(context.Request.Path, permanent: false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private async Task<(int Status, string Message)?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        if (_host is null)
        {
            return (StatusCodes.Status503ServiceUnavailable, "The console is starting.");
        }

        if (!string.Equals(request.Host.Value, _host, StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status421MisdirectedRequest, $"Refused: the console answers only to {_host}.");
        }

        var hasSession = SameSecret(request.Cookies[CookieName], _session);
        if (HttpMethods.IsGet(request.Method) && request.Query.TryGetValue(TokenParameter, out var token) && !hasSession)
        {
            if (token.Count != 1 || !ExchangeToken(token[0]))
            {
                return (StatusCodes.Status401Unauthorized, "Refused: this token is wrong or already used; start the console again for a new URL.");
            }

            context.Response.Cookies.Append(CookieName, _session, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
            return null;
        }

        if (!hasSession)
        {
            return (StatusCodes.Status401Unauthorized, "Refused: open the console with the URL it printed (its token works once).");
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            if (!string.Equals(request.Headers.Origin.ToString(), _origin, StringComparison.Ordinal))
            {
                return (StatusCodes.Status403Forbidden, "Refused: a change must come from the console's own pages (cross-origin request).");
            }

            var form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
            if (form is null || !SameSecret(form[CsrfField].ToString(), Csrf))
            {
                return (StatusCodes.Status403Forbidden, "Refused: the form's CSRF token is missing or wrong; reload the page.");
            }
        }

        return null;
    }

    /// <summary>True once, for the printed token; it is spent from then on.</summary>
    private bool ExchangeToken(string? offered)
    {
        var expected = Volatile.Read(ref _token);
        return expected is not null && SameSecret(offered, expected) && Interlocked.CompareExchange(ref _token, null, expected) == expected;
    }

    private static bool SameSecret(string? offered, string expected) =>
        offered is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), Encoding.UTF8.GetBytes(expected));

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
