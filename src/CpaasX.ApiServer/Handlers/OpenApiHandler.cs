using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Http;
using CpaasX.ApiServer.Resources;

using Microsoft.AspNetCore.Http;

namespace CpaasX.ApiServer.Handlers;

/// <summary>
/// OpenAPI v3, as much as kubectl needs: a root listing every served group-version with a content hash, and per
/// group-version a PATCH operation per kind with the fieldValidation parameter (so kubectl validates on the server)
/// plus the CRD schemas (for <c>kubectl explain</c>). No PATCH request body is declared, so kubectl picks its patch
/// type as it does without OpenAPI: merge patch for custom resources, strategic merge for built-ins.
/// </summary>
internal sealed class OpenApiHandler(ResourceRegistry registry)
{
    public Task Root(HttpContext context)
    {
        var paths = new JsonObject();
        foreach (var gv in registry.All.Select(t => (t.Group, t.Version)).Distinct().OrderBy(gv => gv.Group, StringComparer.Ordinal))
        {
            var key = PathKey(gv.Group, gv.Version);
            var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(Document(gv.Group, gv.Version))))[..16];
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={hash}" };
        }

        return JsonResponses.Write(context, 200, new JsonObject { ["paths"] = paths });
    }

    public Task GroupVersion(HttpContext context, string group, string version) =>
        registry.ServesGroupVersion(group, version)
            ? JsonResponses.Write(context, 200, Document(group, version))
            : throw ApiErrors.PathNotFound();

    private JsonObject Document(string group, string version)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in registry.All.Where(t => t.Group == group && t.Version == version).OrderBy(t => t.Plural, StringComparer.Ordinal))
        {
            var prefix = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
            var scope = type.Namespaced ? "/namespaces/{namespace}" : "";
            paths[$"{prefix}{scope}/{type.Plural}/{{name}}"] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["x-kubernetes-group-version-kind"] = Gvk(type),
                    ["parameters"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "fieldValidation",
                        ["in"] = "query",
                        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
                    }),
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
                },
            };
            if (type.Schema is { } schema)
            {
                var published = (JsonObject)schema.DeepClone();
                published["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(type));
                if (type.SelectableFields.Count > 0)
                {
                    // Where clients discover what --field-selector may name, as the real server publishes it.
                    published["x-kubernetes-selectable-fields"] = new JsonArray(
                        [.. type.SelectableFields.Select(field => (JsonNode)new JsonObject { ["fieldPath"] = field })]);
                }

                schemas[SchemaName(type)] = published;
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject Gvk(ResourceType type) => new()
    {
        ["group"] = type.Group,
        ["version"] = type.Version,
        ["kind"] = type.Kind,
    };

    /// <summary>The reversed-group name kube-apiserver gives CRD schemas: "com.example.v1.Widget".</summary>
    private static string SchemaName(ResourceType type) =>
        $"{string.Join('.', type.Group.Split('.').Reverse())}.{type.Version}.{type.Kind}";

    private static string PathKey(string group, string version) => group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
}
