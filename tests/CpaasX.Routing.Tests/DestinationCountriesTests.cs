using CpaasX.Routing.Resolution;

namespace CpaasX.Routing.Tests;

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
