using System.Text.Json.Serialization;

namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>Which level decided an inbound route (configuration level takes precedence over number level).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RouteSource>))]
public enum RouteSource
{
    [JsonStringEnumMemberName("Configuration")] Configuration,
    [JsonStringEnumMemberName("Resource")] Resource,
    [JsonStringEnumMemberName("Default")] Default,
}
