using System.Text;
using System.Text.Json.Nodes;

namespace CpaasX.ApiServer.Resources;

/// <summary>What kube-apiserver fills in on built-in kinds at create: a Namespace's phase, a Secret's type and data.</summary>
internal static class BuiltInDefaults
{
    public static void Apply(ResourceType type, JsonObject obj)
    {
        if (type == BuiltInResources.Namespaces)
        {
            obj["status"] = new JsonObject { ["phase"] = "Active" };
        }
        else if (type.Group.Length == 0 && type.Kind == "Secret")
        {
            if (string.IsNullOrEmpty(obj["type"]?.ToString()))
            {
                obj["type"] = "Opaque";
            }

            // stringData is write-only: it is folded into data, base64-encoded, and not stored.
            if (obj["stringData"] is JsonObject stringData)
            {
                var data = obj["data"] as JsonObject ?? [];
                foreach (var (key, value) in stringData)
                {
                    data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.ToString() ?? ""));
                }

                obj["data"] = data;
                obj.Remove("stringData");
            }
        }
    }
}
