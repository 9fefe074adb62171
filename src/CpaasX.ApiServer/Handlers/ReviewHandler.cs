using System.Text.Json.Nodes;

using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Http;
using CpaasX.ApiServer.Identity;
using CpaasX.ApiServer.Resources;

using Microsoft.AspNetCore.Http;

namespace CpaasX.ApiServer.Handlers;

/// <summary>
/// TokenReview and SubjectAccessReview, as kube-apiserver serves them: a create returns the review with its answer in
/// <c>status</c> and stores nothing. The answers come from this server's identities: a token is one of theirs or is
/// not authenticated; a user may do what its identity's access allows (<see cref="ApiIdentity.MayUse(string)"/>) and
/// get the non-resource URLs it lists (<see cref="ApiIdentity.NonResourceUrls"/>). Groups are not consulted.
/// </summary>
internal sealed class ReviewHandler(Authenticator authenticator)
{
    private const string ServiceAccountPrefix = "system:serviceaccount:";

    public async Task Create(HttpContext context, ResourceType type)
    {
        var review = await ObjectHandler.ReadObject(context);
        var spec = review["spec"] as JsonObject ?? new JsonObject();
        review["status"] = type == BuiltInResources.TokenReviews ? TokenStatus(spec) : AccessStatus(type, spec);
        review["apiVersion"] = type.ApiVersion;
        review["kind"] = type.Kind;
        review["metadata"] ??= new JsonObject();
        await JsonResponses.Write(context, 201, review);
    }

    private JsonObject TokenStatus(JsonObject spec)
    {
        var token = Text(spec["token"]);
        if (string.IsNullOrEmpty(token))
        {
            // kube-apiserver's own words for a review without a token.
            throw ApiErrors.BadRequest("token is required for TokenReview in authentication");
        }

        if (authenticator.Authenticate(token) is not { } identity)
        {
            return new JsonObject { ["authenticated"] = false, ["user"] = new JsonObject(), ["error"] = "invalid bearer token" };
        }

        return new JsonObject
        {
            ["authenticated"] = true,
            ["user"] = new JsonObject
            {
                ["username"] = identity.UserName,
                ["groups"] = new JsonArray([.. GroupsOf(identity.UserName).Select(group => (JsonNode)group)]),
            },
        };
    }

    private JsonObject AccessStatus(ResourceType type, JsonObject spec)
    {
        var user = Text(spec["user"]) ?? "";
        var resource = spec["resourceAttributes"] as JsonObject;
        var nonResource = spec["nonResourceAttributes"] as JsonObject;
        if ((resource is null) == (nonResource is null))
        {
            throw ApiErrors.Invalid(type, "", [new FieldCause("FieldValueInvalid", "exactly one of nonResourceAttributes or resourceAttributes must be specified", "spec.resourceAttributes")]);
        }

        if (user.Length == 0 && spec["groups"] is not JsonArray { Count: > 0 })
        {
            throw ApiErrors.Invalid(type, "", [new FieldCause("FieldValueInvalid", "at least one of user or group must be specified", "spec.user")]);
        }

        var identity = authenticator.Identities.FirstOrDefault(known => known.UserName == user);
        var verb = Text((resource ?? nonResource)!["verb"]) ?? "";
        var allowed = identity is not null && (nonResource is not null ? identity.MayUse(verb, Text(nonResource["path"]) ?? "") : identity.MayUse(verb));
        return allowed
            ? new JsonObject { ["allowed"] = true, ["reason"] = $"allowed by the access of the identity \"{identity!.Name}\"" }
            : new JsonObject { ["allowed"] = false };
    }

    /// <summary>The groups kube-apiserver gives a token's user: every user is authenticated; a ServiceAccount is in its namespace's group too.</summary>
    private static IEnumerable<string> GroupsOf(string userName)
    {
        if (userName.StartsWith(ServiceAccountPrefix, StringComparison.Ordinal) && userName[ServiceAccountPrefix.Length..].Split(':') is [var ns, _])
        {
            yield return "system:serviceaccounts";
            yield return $"system:serviceaccounts:{ns}";
        }

        yield return "system:authenticated";
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
