using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

using k8s.Models;

namespace CpaasX.Operator.Api.Serialization;

/// <summary>The one JSON configuration for the cpaasx.io kinds: how they look on the wire and in manifests.</summary>
public static class CpaasxJson
{
    /// <summary>camelCase fields, nulls omitted, enums by their platform names, Kubernetes time format.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        JsonSerializerOptions options = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(), new Rfc3339TimeConverter() },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutManagedFields } },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// metadata.managedFields is skipped when reading: nothing the operator does reads it, and kept it would be most of
    /// the metadata of every object in every informer's cache. Writes never send it, so the server keeps its own.
    /// </summary>
    private static void WithoutManagedFields(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type == typeof(V1ObjectMeta))
        {
            var managedFields = typeInfo.Properties.Single(property => property.Name == "managedFields");
            typeInfo.Properties.Remove(managedFields);
        }
    }
}
