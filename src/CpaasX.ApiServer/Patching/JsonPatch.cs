using System.Text.Json.Nodes;

using CpaasX.ApiServer.Errors;

namespace CpaasX.ApiServer.Patching;

/// <summary>JSON patch (RFC 6902): add, remove, replace, move, copy and test over JSON pointers.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw ApiErrors.BadRequest("json patch must be an array of operations");
        }

        foreach (var operation in operations.OfType<JsonObject>())
        {
            var op = operation["op"]?.ToString();
            var path = operation["path"]?.ToString() ?? throw ApiErrors.BadRequest("json patch operation without a path");
            switch (op)
            {
                case "add":
                    Add(document, path, operation["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(document, path);
                    break;
                case "replace":
                    Remove(document, path);
                    Add(document, path, operation["value"]?.DeepClone());
                    break;
                case "move":
                    var moved = Remove(document, From(operation));
                    Add(document, path, moved);
                    break;
                case "copy":
                    Add(document, path, Find(document, From(operation))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Find(document, path), operation["value"]))
                    {
                        throw new ApiException(422, "Invalid", $"the server rejected our request due to an error in our request: testing value {path} failed");
                    }

                    break;
                default:
                    throw ApiErrors.BadRequest($"unexpected json patch operation \"{op}\"");
            }
        }

        return document;
    }

    private static string From(JsonObject operation) =>
        operation["from"]?.ToString() ?? throw ApiErrors.BadRequest("json patch move or copy without \"from\"");

    private static string[] Tokens(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static JsonNode? Find(JsonNode document, string pointer)
    {
        var node = document;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when int.TryParse(token, out var index) && index < array.Count => array[index],
                _ => throw MissingPath(pointer),
            };
        }

        return node;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode document, string pointer)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            throw ApiErrors.BadRequest("json patch cannot replace the whole document");
        }

        var parentPointer = pointer[..pointer.LastIndexOf('/')];
        return (Find(document, parentPointer) ?? throw MissingPath(pointer), tokens[^1]);
    }

    private static void Add(JsonNode document, string pointer, JsonNode? value)
    {
        var (parent, last) = Parent(document, pointer);
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array when last == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(last, out var index) && index <= array.Count:
                array.Insert(index, value);
                break;
            default:
                throw MissingPath(pointer);
        }
    }

    private static JsonNode? Remove(JsonNode document, string pointer)
    {
        var (parent, last) = Parent(document, pointer);
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(last, out var removed):
                obj.Remove(last);
                return removed;
            case JsonArray array when int.TryParse(last, out var index) && index < array.Count:
                var item = array[index];
                array.RemoveAt(index);
                return item;
            default:
                throw MissingPath(pointer);
        }
    }

    private static ApiException MissingPath(string pointer) =>
        new(422, "Invalid", $"the server rejected our request due to an error in our request: path {pointer} does not exist");
}
