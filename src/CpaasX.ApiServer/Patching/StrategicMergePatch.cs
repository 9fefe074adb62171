using System.Text.Json.Nodes;

namespace CpaasX.ApiServer.Patching;

/// <summary>
/// Strategic merge patch for the built-in kinds this server serves. Their fields that kubectl patches (ConfigMap and Secret
/// data, labels, annotations) are maps, where strategic merge is a merge patch; the <c>$</c> directives are dropped.
/// Lists are replaced as a whole, not merged by key.
/// </summary>
internal static class StrategicMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) => MergePatch.Apply(target, WithoutDirectives(patch));

    private static JsonNode? WithoutDirectives(JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch;
        }

        var cleaned = new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (!key.StartsWith('$'))
            {
                cleaned[key] = WithoutDirectives(value?.DeepClone());
            }
        }

        return cleaned;
    }
}
