using k8s;
using k8s.Models;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Hosting;

/// <summary>
/// Decides whether a request may read the secured metrics, as controller-runtime's
/// <c>filters.WithAuthenticationAndAuthorization</c> does: the bearer token goes to the API server in a TokenReview
/// (authentication.k8s.io/v1), then its user, groups and extra in a SubjectAccessReview (authorization.k8s.io/v1) for
/// the request's lowercased method on its path as a non-resource URL (<c>get</c> <c>/metrics</c>). Each scrape asks
/// afresh (no cache): a revoked token or binding takes effect at the next scrape, for two small requests per scrape.
/// </summary>
internal sealed class MetricsAccessReview(IKubernetes client, ILogger logger)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Why the request may not read the metrics (401, 403, or 500 when a review failed); null when it may.</summary>
    public async Task<(int StatusCode, string Message)?> RefusalAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || authorization.Length == BearerPrefix.Length)
        {
            return (StatusCodes.Status401Unauthorized, "Unauthorized");
        }

        V1UserInfo user;
        try
        {
            var review = await client.AuthenticationV1.CreateTokenReviewAsync(
                new V1TokenReview { Spec = new V1TokenReviewSpec { Token = authorization[BearerPrefix.Length..].Trim() } },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            if (review.Status is not { Authenticated: true, User: { } reviewed })
            {
                return (StatusCodes.Status401Unauthorized, "Unauthorized");
            }

            user = reviewed;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "A TokenReview for a metrics scrape failed");
            return (StatusCodes.Status500InternalServerError, "Authentication failed");
        }

        try
        {
            var review = await client.AuthorizationV1.CreateSubjectAccessReviewAsync(
                new V1SubjectAccessReview
                {
                    Spec = new V1SubjectAccessReviewSpec
                    {
                        User = user.Username,
                        Groups = user.Groups,
                        Uid = user.Uid,
                        Extra = user.Extra,
                        NonResourceAttributes = new V1NonResourceAttributes { Path = request.Path.Value, Verb = request.Method.ToLowerInvariant() },
                    },
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return review.Status?.Allowed == true ? null : (StatusCodes.Status403Forbidden, $"Authorization denied for user {user.Username}");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "A SubjectAccessReview for a metrics scrape by {User} failed", user.Username);
            return (StatusCodes.Status500InternalServerError, $"Authorization for user {user.Username} failed");
        }
    }
}
