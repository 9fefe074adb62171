using System.Net;

using CpaasX.ApiServer.Identity;
using CpaasX.ApiServer.Tests.Support;

using k8s;
using k8s.Autorest;
using k8s.Models;

namespace CpaasX.ApiServer.Tests.Handlers;

/// <summary>
/// TokenReview and SubjectAccessReview through the typed client, as a secured /metrics endpoint calls them: answered
/// from the server's identities, never stored, created only by identities that may write.
/// </summary>
public sealed class ReviewTests
{
    [Fact]
    public async Task A_token_review_names_the_user_of_a_known_token_and_refuses_an_unknown_one()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var client = scope.Server.CreateClient(ApiIdentity.Operator);

        var known = await client.AuthenticationV1.CreateTokenReviewAsync(Review(scope.Server.TokenOf(ApiIdentity.MetricsReader)));
        var unknown = await client.AuthenticationV1.CreateTokenReviewAsync(Review("not-a-token-of-this-server"));

        Assert.True(known.Status.Authenticated);
        Assert.Equal("system:serviceaccount:monitoring:prometheus", known.Status.User.Username);
        Assert.Equal(["system:serviceaccounts", "system:serviceaccounts:monitoring", "system:authenticated"], known.Status.User.Groups);
        Assert.NotEqual(true, unknown.Status.Authenticated);
        Assert.Null(unknown.Status.User.Username);
        Assert.Equal("invalid bearer token", unknown.Status.Error);
    }

    [Theory]
    [InlineData("cpaasx-embedded", "/metrics", true)]
    [InlineData("metrics-reader", "/metrics", true)]
    [InlineData("metrics-reader", "/metrics/extra", false)]
    [InlineData("metrics-reader", "/healthz", false)]
    [InlineData("viewer", "/metrics", false)]
    [InlineData("operator", "/metrics", false)]
    public async Task A_subject_access_review_allows_get_on_a_non_resource_url_only_to_identities_that_list_it(string identityName, string path, bool allowed)
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var client = scope.Server.CreateClient(ApiIdentity.Operator);
        var user = scope.Server.Identities.Single(identity => identity.Name == identityName).UserName;

        var review = await client.AuthorizationV1.CreateSubjectAccessReviewAsync(AccessReview(user, nonResource: new V1NonResourceAttributes { Path = path, Verb = "get" }));

        Assert.Equal(allowed, review.Status.Allowed);
    }

    [Theory]
    [InlineData("viewer", "list", true)]
    [InlineData("viewer", "create", false)]
    [InlineData("operator", "create", true)]
    [InlineData("someone-unknown", "get", false)]
    public async Task A_subject_access_review_of_a_resource_follows_the_identity_access(string userOrIdentity, string verb, bool allowed)
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        var user = scope.Server.Identities.SingleOrDefault(identity => identity.Name == userOrIdentity)?.UserName ?? userOrIdentity;

        var review = await scope.Client.AuthorizationV1.CreateSubjectAccessReviewAsync(
            AccessReview(user, resource: new V1ResourceAttributes { Verb = verb, Resource = "configmaps", NamespaceProperty = "default" }));

        Assert.Equal(allowed, review.Status.Allowed);
    }

    [Fact]
    public async Task A_subject_access_review_with_both_or_neither_attribute_set_is_invalid()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);

        var neither = await Assert.ThrowsAsync<HttpOperationException>(() => scope.Client.AuthorizationV1.CreateSubjectAccessReviewAsync(AccessReview("cpaasx-embedded-admin")));
        var noToken = await Assert.ThrowsAsync<HttpOperationException>(() => scope.Client.AuthenticationV1.CreateTokenReviewAsync(Review("")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, neither.Response.StatusCode);
        Assert.Contains("exactly one of nonResourceAttributes or resourceAttributes", neither.Response.Content, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.Response.StatusCode);
    }

    [Fact]
    public async Task Reviews_are_create_only_listed_by_discovery_and_forbidden_to_a_read_only_identity()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var viewer = scope.Server.CreateClient(ApiIdentity.Viewer);

        var forbidden = await Assert.ThrowsAsync<HttpOperationException>(() => viewer.AuthenticationV1.CreateTokenReviewAsync(Review(scope.Server.TokenOf(ApiIdentity.Admin))));
        using var list = await scope.Http.GetAsync("/apis/authentication.k8s.io/v1/tokenreviews");
        var resources = await scope.Client.AuthorizationV1.GetAPIResourcesAsync();

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Response.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, list.StatusCode);
        Assert.Equal(["create"], resources.Resources.Single(resource => resource.Name == "subjectaccessreviews").Verbs);
    }

    private static V1TokenReview Review(string token) => new() { Spec = new V1TokenReviewSpec { Token = token } };

    private static V1SubjectAccessReview AccessReview(string user, V1ResourceAttributes? resource = null, V1NonResourceAttributes? nonResource = null) =>
        new() { Spec = new V1SubjectAccessReviewSpec { User = user, ResourceAttributes = resource, NonResourceAttributes = nonResource } };
}
