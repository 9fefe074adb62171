using System.Globalization;

using CpaasX.Routing.Resolution;

namespace CpaasX.Operator.Diff;

/// <summary>
/// The deterministic sample destinations of one country: E.164 numbers whose subscriber digits come from a fixed hash
/// of (country, index), so both sides of a diff, and every run, resolve the same destinations. In a +1 country they
/// take in turn the area codes of the senders involved (so a geolocated strategy meets destinations it prefers senders
/// for), else the country's own prefix. Destinations of <see cref="OtherCountry"/> have no country.
/// </summary>
internal static class DestinationSample
{
    /// <summary>Stands for every country that no sender or strategy involved names: they all route alike.</summary>
    public const string OtherCountry = "other";

    /// <summary>The sample of <paramref name="country"/>, or none when no prefix reads as that country.</summary>
    public static IReadOnlyList<string> Of(string country, IEnumerable<string> senderValues, int size)
    {
        if (country == OtherCountry)
        {
            return [.. Enumerable.Range(0, size).Select(index => $"destination-{index}")];
        }

        List<string> prefixes = [.. senderValues
            .Where(value => DestinationCountries.NorthAmericanAreaCode(value).Length > 0 && DestinationCountries.Of(value) == country)
            .Select(value => value[..5])
            .Distinct()
            .Order(StringComparer.Ordinal)];
        if (prefixes.Count == 0 && DestinationCountries.Prefix(country) is { } prefix)
        {
            prefixes.Add(prefix);
        }

        return prefixes.Count == 0 ? [] : [.. Enumerable.Range(0, size).Select(index => Destination(country, prefixes[index % prefixes.Count], index))];
    }

    // A +1 number has 10 digits after the 1; elsewhere nine subscriber digits make a plausible E.164 length.
    private static string Destination(string country, string prefix, int index)
    {
        var digits = prefix.StartsWith("+1", StringComparison.Ordinal) ? 12 - prefix.Length : 9;
        var subscriber = RendezvousHash.Hash(string.Create(CultureInfo.InvariantCulture, $"{country}#{index}")) % (ulong)Math.Pow(10, digits);
        return prefix + subscriber.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }
}
