using CpaasX.Routing.Resolution;

namespace CpaasX.Routing.Tests.Resolution;

/// <summary>The destination's country, which the country filter and geolocation depend on.</summary>
public sealed class DestinationCountriesTests
{
    [Theory]
    [InlineData("+12125550100", "US")]
    [InlineData("+14165550100", "CA")]
    [InlineData("+18765550100", "JM")]
    [InlineData("+447700900123", "GB")]
    [InlineData("+4915112345678", "DE")]
    [InlineData("+35312345678", "IE")]
    [InlineData("+77012345678", "KZ")]
    [InlineData("+74951234567", "RU")]
    [InlineData("+33612345678", "FR")]
    public void CountryFromCallingCodeAndNorthAmericanAreaCode(string destination, string country)
    {
        Assert.Equal(country, DestinationCountries.Of(destination));
    }

    [Theory]
    [InlineData("US", "+1201")]
    [InlineData("ca", "+1204")]
    [InlineData("JM", "+1658")]
    [InlineData("GB", "+44")]
    [InlineData("KZ", "+76")]
    public void PrefixOfACountryReadsAsThatCountry(string country, string prefix)
    {
        Assert.Equal(prefix, DestinationCountries.Prefix(country));
        Assert.Equal(country.ToUpperInvariant(), DestinationCountries.Of(prefix + "5550100123"[..(12 - prefix.Length)]));
    }

    [Fact]
    public void No_prefix_for_an_unknown_country()
    {
        Assert.Null(DestinationCountries.Prefix("ZZ"));
    }

    [Theory]
    [InlineData("12125550100")]
    [InlineData("+1212555010")]
    [InlineData("+1212555010a")]
    [InlineData("+8881234567")]
    [InlineData("someone@example.com")]
    [InlineData("")]
    public void NoCountryForWhatIsNotAKnownE164Number(string destination)
    {
        Assert.Null(DestinationCountries.Of(destination));
    }

    [Theory]
    [InlineData("+12125550100", "212")]
    [InlineData("+447700900123", "")]
    [InlineData("12345", "")]
    public void AreaCodeOnlyForPlusOneNumbers(string number, string areaCode)
    {
        Assert.Equal(areaCode, DestinationCountries.NorthAmericanAreaCode(number).ToString());
    }
}
