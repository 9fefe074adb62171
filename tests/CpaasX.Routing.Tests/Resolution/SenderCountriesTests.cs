using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;

namespace CpaasX.Routing.Tests.Resolution;

/// <summary>
/// The one sender-country rule the resolver and the compiler's strategy pools share. The rows on case and on resource
/// types other than numbers and alpha senders are where the compiler's former copy answered differently.
/// </summary>
public sealed class SenderCountriesTests
{
    [Theory]
    [InlineData(ResourceType.Number, "US", null, "US", true)]
    [InlineData(ResourceType.Number, "US", null, "CA", false)]
    [InlineData(ResourceType.Number, "US", null, null, false)]
    [InlineData(ResourceType.Number, "us", null, "US", true)]
    [InlineData(ResourceType.Number, null, null, "US", false)]
    [InlineData(ResourceType.Alpha, null, new string[0], "GB", true)]
    [InlineData(ResourceType.Alpha, null, null, "GB", true)]
    [InlineData(ResourceType.Alpha, null, null, null, true)]
    [InlineData(ResourceType.Alpha, null, new[] { "US", "GB" }, "GB", true)]
    [InlineData(ResourceType.Alpha, null, new[] { "US", "CA" }, "GB", false)]
    [InlineData(ResourceType.Alpha, null, new[] { "US" }, null, false)]
    [InlineData(ResourceType.Alpha, null, new[] { "gb" }, "GB", true)]
    [InlineData(ResourceType.ChatApp, null, null, "GB", true)]
    [InlineData(ResourceType.Domain, null, null, null, true)]
    public void Numbers_reach_their_country_alpha_senders_their_list_or_everywhere_others_everywhere(
        ResourceType type, string? country, string[]? countries, string? destinationCountry, bool expected)
    {
        Assert.Equal(expected, SenderCountries.CanSendTo(type, country, countries, destinationCountry));
    }
}
