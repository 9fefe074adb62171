using System.Text.Json.Serialization;

namespace CpaasX.Routing.Model;

/// <summary>The kind of phone number a NUMBER resource is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NumberType>))]
public enum NumberType
{
    [JsonStringEnumMemberName("VIRTUAL_LONG_NUMBER")] VirtualLongNumber,
    [JsonStringEnumMemberName("SHORT_CODE")] ShortCode,
    [JsonStringEnumMemberName("TOLL_FREE")] TollFree,
}
