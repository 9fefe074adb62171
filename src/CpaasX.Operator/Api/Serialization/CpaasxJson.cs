using System.Text.Json;
using System.Text.Json.Serialization;

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
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
