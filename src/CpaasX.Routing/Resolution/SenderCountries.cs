using CpaasX.Routing.Model;

namespace CpaasX.Routing.Resolution;

/// <summary>
/// Which destination countries a sender can send to, written once for the resolver and the compiler's strategy pools:
/// numbers send to their own country; alpha senders to the countries they list, or anywhere when they list none; other
/// resource types are not limited by country. Country codes compare case-insensitively.
/// </summary>
public static class SenderCountries
{
    /// <summary>
    /// Whether a sender of <paramref name="type"/> (a number of <paramref name="country"/>, an alpha sender listing
    /// <paramref name="countries"/>) can send to <paramref name="destinationCountry"/>; an unknown destination country
    /// (null) is reached only by senders that are not limited by country.
    /// </summary>
    public static bool CanSendTo(ResourceType type, string? country, IReadOnlyList<string>? countries, string? destinationCountry) => type switch
    {
        ResourceType.Number => destinationCountry is not null && string.Equals(country, destinationCountry, StringComparison.OrdinalIgnoreCase),
        ResourceType.Alpha => countries is not { Count: > 0 } || (destinationCountry is not null && Contains(countries, destinationCountry)),
        _ => true,
    };

    // A loop rather than LINQ: the resolver calls this for every candidate of every message.
    private static bool Contains(IReadOnlyList<string> countries, string country)
    {
        for (var i = 0; i < countries.Count; i++)
        {
            if (string.Equals(countries[i], country, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
