using System.Text.Json.Nodes;

using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Http;
using CpaasX.ApiServer.Resources;

using Microsoft.AspNetCore.Http;

namespace CpaasX.ApiServer.Handlers;

/// <summary>/version, /api, /apis, /apis/{g} and the APIResourceList of each served group-version.</summary>
internal sealed class DiscoveryHandler(ResourceRegistry registry)
{
    private static readonly string[] ObjectVerbs = ["create", "delete", "get", "list", "patch", "update", "watch"];
    private static readonly string[] StatusVerbs = ["get", "patch", "update"];
    private static readonly string[] ReviewVerbs = ["create"];

    public static Task Version(HttpContext context) => JsonResponses.Write(context, 200, new JsonObject
    {
        // kubectl's version dispatcher picks its binary from "minor".
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0",
        ["platform"] = "linux/amd64",
    });

    public static Task CoreVersions(HttpContext context) => JsonResponses.Write(context, 200, new JsonObject
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
        {
            ["clientCIDR"] = "0.0.0.0/0",
            ["serverAddress"] = context.Request.Host.ToString(),
        }),
    });

    public Task Groups(HttpContext context) => JsonResponses.Write(context, 200, new JsonObject
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. registry.All.Where(t => t.Group.Length > 0).GroupBy(t => t.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (JsonNode)Group(g.Key, [.. g.Select(t => t.Version).Distinct()]))]),
    });

    public Task Group(HttpContext context, string group)
    {
        var versions = registry.All.Where(t => t.Group == group).Select(t => t.Version).Distinct().ToList();
        return versions.Count == 0 ? throw ApiErrors.PathNotFound() : JsonResponses.Write(context, 200, Group(group, versions));
    }

    public Task Resources(HttpContext context, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).OrderBy(t => t.Plural, StringComparer.Ordinal).ToList();
        if (types.Count == 0)
        {
            throw ApiErrors.PathNotFound();
        }

        var resources = new JsonArray();
        foreach (var type in types)
        {
            resources.Add(new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = Strings(type.IsReview ? ReviewVerbs : ObjectVerbs),
                ["shortNames"] = Strings(type.ShortNames),
                ["categories"] = Strings(type.Categories),
            });
            if (type.HasStatusSubresource)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = $"{type.Plural}/status",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["kind"] = type.Kind,
                    ["verbs"] = Strings(StatusVerbs),
                });
            }
        }

        return JsonResponses.Write(context, 200, new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = types[0].ApiVersion,
            ["resources"] = resources,
        });
    }

    private static JsonObject Group(string name, IReadOnlyList<string> versions) => new()
    {
        ["name"] = name,
        ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{name}/{v}", ["version"] = v })]),
        ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{name}/{versions[0]}", ["version"] = versions[0] },
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
