using System.Globalization;
using System.Text;

using CpaasX.ApiServer.Errors;

namespace CpaasX.ApiServer.Storage;

/// <summary>The opaque <c>continue</c> of a paginated list: the list's resourceVersion and the last key returned.</summary>
internal sealed record ContinueToken(long ResourceVersion, string LastKey)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ResourceVersion}|{LastKey}"));

    public static ContinueToken Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return new ContinueToken(long.Parse(text[..bar], CultureInfo.InvariantCulture), text[(bar + 1)..]);
        }
        catch (FormatException)
        {
            throw ApiErrors.BadRequest("continue key is not valid");
        }
        catch (ArgumentOutOfRangeException)
        {
            throw ApiErrors.BadRequest("continue key is not valid");
        }
    }
}
