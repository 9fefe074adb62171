using System.Text.Json.Serialization;

namespace CpaasX.Routing.Model;

/// <summary>The discriminator of a Resource: which member of the union it carries.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResourceType>))]
public enum ResourceType
{
    [JsonStringEnumMemberName("NUMBER")] Number,
    [JsonStringEnumMemberName("ALPHA")] Alpha,
    [JsonStringEnumMemberName("DOMAIN")] Domain,
    [JsonStringEnumMemberName("CHAT_APP")] ChatApp,
    [JsonStringEnumMemberName("WEBRTC_PUSH")] WebRtcPush,
}
