using System.Text.Json.Nodes;

namespace CpaasX.Operator.Runtime.Client;

/// <summary>Finds the node a System.Text.Json error path (<c>$.spec.priorities[0].senderType</c>, <c>$['a.b']</c>) names.</summary>
internal static class JsonPathValue
{
    public static JsonNode? Find(JsonNode root, string path)
    {
        var node = root;
        var at = path.StartsWith('$') ? 1 : 0;
        while (node is not null && at < path.Length)
        {
            if (path[at] == '.')
            {
                var end = path.IndexOfAny(['.', '['], at + 1);
                end = end < 0 ? path.Length : end;
                node = (node as JsonObject)?[path[(at + 1)..end]];
                at = end;
            }
            else if (path.AsSpan(at).StartsWith("['"))
            {
                var end = path.IndexOf("']", at, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                node = (node as JsonObject)?[path[(at + 2)..end]];
                at = end + 2;
            }
            else if (path[at] == '[')
            {
                var end = path.IndexOf(']', at);
                if (end < 0 || !int.TryParse(path.AsSpan(at + 1, end - at - 1), out var index))
                {
                    return null;
                }

                node = node is JsonArray array && index < array.Count ? array[index] : null;
                at = end + 1;
            }
            else
            {
                return null;
            }
        }

        return node;
    }
}
