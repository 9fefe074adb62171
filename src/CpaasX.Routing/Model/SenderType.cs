using System.Text.Json.Serialization;

namespace CpaasX.Routing.Model;

/// <summary>The sender types a SenderStrategy ranks, as the platform names them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SenderType>))]
public enum SenderType
{
    [JsonStringEnumMemberName("ALPHANUMERIC")] Alphanumeric,
    [JsonStringEnumMemberName("VIRTUAL_LONG_NUMBER")] VirtualLongNumber,
    [JsonStringEnumMemberName("SHORT_CODE")] ShortCode,
    [JsonStringEnumMemberName("TOLL_FREE_NUMBER")] TollFreeNumber,
}
