using System.Text.Json.Serialization;

namespace CpaasX.Routing.Model;

/// <summary>A communication channel of the platform. Serialized with the platform's upper-case names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Channel>))]
public enum Channel
{
    [JsonStringEnumMemberName("SMS")] Sms,
    [JsonStringEnumMemberName("MMS")] Mms,
    [JsonStringEnumMemberName("VOICE")] Voice,
    [JsonStringEnumMemberName("EMAIL")] Email,
    [JsonStringEnumMemberName("WHATSAPP")] WhatsApp,
    [JsonStringEnumMemberName("VIBER")] Viber,
    [JsonStringEnumMemberName("RCS")] Rcs,
    [JsonStringEnumMemberName("WEBRTC")] WebRtc,
}
