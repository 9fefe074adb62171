using System.Security.Cryptography;
using System.Text;

using Microsoft.AspNetCore.Http;

namespace CpaasX.ApiServer.Identity;

/// <summary>
/// Bearer tokens drawn at random for each identity when the server starts: only a holder of the kubeconfig it wrote
/// can call it, as only holders of a cluster's credentials can call a real API server.
/// </summary>
internal sealed class Authenticator
{
    private const string BearerPrefix = "Bearer ";
    private const int TokenBytes = 32;
    private readonly IReadOnlyList<(ApiIdentity Identity, byte[] Token)> _tokens;

    public Authenticator(IReadOnlyList<ApiIdentity> identities)
    {
        if (identities.Select(identity => identity.Name).Distinct(StringComparer.Ordinal).Count() != identities.Count)
        {
            throw new ArgumentException("each identity needs its own name (it is a kubeconfig user and context)", nameof(identities));
        }

        _tokens = [.. identities.Select(identity => (identity, Encoding.ASCII.GetBytes(Base64Url(RandomNumberGenerator.GetBytes(TokenBytes)))))];
    }

    public IReadOnlyList<ApiIdentity> Identities => [.. _tokens.Select(entry => entry.Identity)];

    public string TokenOf(ApiIdentity identity) =>
        Encoding.ASCII.GetString(_tokens.FirstOrDefault(entry => entry.Identity == identity).Token
            ?? throw new ArgumentException($"this server does not know the identity {identity.Name}", nameof(identity)));

    /// <summary>The identity whose token the request presents; null when it presents none or an unknown one.</summary>
    public ApiIdentity? Authenticate(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(BearerPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        return Authenticate(authorization[BearerPrefix.Length..]);
    }

    /// <summary>The identity <paramref name="token"/> belongs to; null for an unknown one (what a TokenReview asks).</summary>
    public ApiIdentity? Authenticate(string token)
    {
        var presented = Encoding.ASCII.GetBytes(token);
        // Compared in constant time, so the answer's timing tells nothing about a token's prefix.
        return _tokens.FirstOrDefault(entry => CryptographicOperations.FixedTimeEquals(entry.Token, presented)).Identity;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
