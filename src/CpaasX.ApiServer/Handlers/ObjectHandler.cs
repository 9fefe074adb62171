using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Admission;
using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Http;
using CpaasX.ApiServer.Identity;
using CpaasX.ApiServer.Patching;
using CpaasX.ApiServer.Protobuf;
using CpaasX.ApiServer.Resources;
using CpaasX.ApiServer.Storage;

using Microsoft.AspNetCore.Http;

namespace CpaasX.ApiServer.Handlers;

/// <summary>get, list, create, update, patch and delete of one resource: HTTP in, lifecycle rules, JSON (or Table) out.</summary>
internal sealed class ObjectHandler(ObjectStore store, ObjectLifecycle lifecycle, PolicyAdmission policies)
{
    public async Task Get(HttpContext context, ResourceRequest request)
    {
        var obj = Stored(request);
        if (TableWriter.IsWanted(context.Request))
        {
            await JsonResponses.Write(context, 200, TableWriter.Table(request.Type, [obj], store.ResourceVersion, null));
            return;
        }

        await JsonResponses.WriteBytes(context, 200, PartialObjectMetadataForm.IsWanted(context.Request) ? PartialObjectMetadataForm.BytesOf(obj) : obj.Json);
    }

    public async Task List(HttpContext context, ResourceRequest request, ListQuery query)
    {
        string? afterKey = null;
        if (query.Continue is { } token)
        {
            var decoded = ContinueToken.Decode(token);
            if (decoded.ResourceVersion < store.WindowStart)
            {
                throw ApiErrors.Expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
            }

            afterKey = decoded.LastKey;
        }

        var (items, resourceVersion, more) = store.List(query.Filter, afterKey, query.Limit);
        var next = more ? new ContinueToken(resourceVersion, items[^1].Key).Encode() : null;
        if (TableWriter.IsWanted(context.Request))
        {
            await JsonResponses.Write(context, 200, TableWriter.Table(request.Type, items, resourceVersion, next));
            return;
        }

        await JsonResponses.WriteBytes(
            context,
            200,
            PartialObjectMetadataForm.IsWanted(context.Request)
                ? ListBytes(PartialObjectMetadataForm.ListKind, PartialObjectMetadataForm.ApiVersion, items.Select(PartialObjectMetadataForm.BytesOf), resourceVersion, next)
                : ListBytes(request.Type.ListKind, request.Type.ApiVersion, items.Select(item => item.Json), resourceVersion, next));
    }

    public async Task Create(HttpContext context, ResourceRequest request, ApiIdentity identity)
    {
        var body = await ReadObject(context);
        policies.Check(new AdmissionRequest("CREATE", request, identity.UserName, body, null));
        var result = lifecycle.Create(request.Type, request.StoreNamespace, body, IsStrict(context));
        await JsonResponses.WriteBytes(context, 201, result.Object.Json, result.Warnings);
    }

    public async Task Update(HttpContext context, ResourceRequest request, ApiIdentity identity)
    {
        var body = await ReadObject(context);
        policies.Check(new AdmissionRequest("UPDATE", request, identity.UserName, body, Stored(request).CloneValue()));
        var result = lifecycle.Update(request.Type, request.StoreNamespace, request.Name!, body, request.Subresource, IsStrict(context));
        await JsonResponses.WriteBytes(context, 200, result.Object.Json, result.Warnings);
    }

    public async Task Patch(HttpContext context, ResourceRequest request, ApiIdentity identity)
    {
        var mediaType = MediaType(context.Request);
        Func<JsonNode?, JsonNode?, JsonNode?> apply = mediaType switch
        {
            "application/merge-patch+json" => MergePatch.Apply,
            "application/json-patch+json" => (target, patch) => JsonPatch.Apply(target!, patch),
            "application/strategic-merge-patch+json" when !request.Type.IsCustom => StrategicMergePatch.Apply,
            _ => throw ApiErrors.UnsupportedMediaType(mediaType),
        };
        var patch = await ReadJson(context);
        var result = lifecycle.Patch(request.Type, request.StoreNamespace, request.Name!,
            current =>
            {
                var proposed = apply(current.DeepClone(), patch) as JsonObject ?? throw ApiErrors.BadRequest("the patch did not leave an object");
                policies.Check(new AdmissionRequest("UPDATE", request, identity.UserName, proposed, current));
                return proposed;
            },
            request.Subresource, IsStrict(context));
        await JsonResponses.WriteBytes(context, 200, result.Object.Json, result.Warnings);
    }

    public async Task Delete(HttpContext context, ResourceRequest request, ApiIdentity identity)
    {
        policies.Check(new AdmissionRequest("DELETE", request, identity.UserName, null, Stored(request).CloneValue()));
        var result = lifecycle.Delete(request.Type, request.StoreNamespace, request.Name!);

        // Removed at once: a Success Status. Waiting for finalizers: the object, now with its deletionTimestamp.
        if (!result.Removed)
        {
            await JsonResponses.WriteBytes(context, 200, result.Object.Json, result.Warnings);
            return;
        }

        var details = ApiErrors.Details(request.Type, result.Object.Name);
        details["uid"] = result.Object.Metadata["uid"]?.DeepClone();
        await JsonResponses.Write(context, 200, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        }, result.Warnings);
    }

    private StoredObject Stored(ResourceRequest request) =>
        store.Get(request.Type.QualifiedName, request.StoreNamespace, request.Name!) ?? throw ApiErrors.NotFound(request.Type, request.Name!);

    private static byte[] ListBytes(string kind, string apiVersion, IEnumerable<byte[]> items, long resourceVersion, string? next)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", kind);
            writer.WriteString("apiVersion", apiVersion);
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", resourceVersion.ToString(CultureInfo.InvariantCulture));
            if (next is not null)
            {
                writer.WriteString("continue", next);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                writer.WriteRawValue(item, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static async Task<JsonObject> ReadObject(HttpContext context)
    {
        if (MediaType(context.Request) == ProtobufObjectDecoder.ContentType)
        {
            return ProtobufObjectDecoder.Decode(await ReadBytes(context));
        }

        return await ReadJson(context) as JsonObject ?? throw ApiErrors.BadRequest("the request body is not a JSON object");
    }

    private static async Task<JsonNode?> ReadJson(HttpContext context)
    {
        var mediaType = MediaType(context.Request);
        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            throw ApiErrors.UnsupportedMediaType(mediaType);
        }

        try
        {
            return JsonNode.Parse(await ReadBytes(context));
        }
        catch (JsonException e)
        {
            throw ApiErrors.BadRequest($"the request body is not valid JSON: {e.Message}");
        }
    }

    private static async Task<byte[]> ReadBytes(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    /// <summary>
    /// The media type without parameters: the C# client sends "application/merge-patch+json; charset=utf-8". A body
    /// without a Content-Type is refused (415) rather than read as JSON: an HTML form or a script's simple request
    /// cannot then write to this server.
    /// </summary>
    private static string MediaType(HttpRequest request) =>
        (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    private static bool IsStrict(HttpContext context) => context.Request.Query["fieldValidation"] == "Strict";
}
