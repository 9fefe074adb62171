using System.Text.Json;

namespace CpaasX.Routing.Model;

/// <summary>The platform's upper-case names of the shared enums (SMS, VIRTUAL_LONG_NUMBER, ...), read and written one way.</summary>
public static class PlatformNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonSerializer.Serialize(value).Trim('"');

    /// <summary>Parses a platform name, case-insensitively; numbers are not names.</summary>
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize<TEnum>(JsonSerializer.Serialize(text.ToUpperInvariant()));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
