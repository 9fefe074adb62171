namespace CpaasX.Routing.Model;

/// <summary>
/// Numbers in every form the platform and people write them, brought to one canonical form. The platform's APIs and
/// webhooks write numbers without <c>+</c> (<c>41793026727</c>), people write <c>+1 (201) 555-0101</c> or
/// <c>0012015550101</c>: spaces, dashes, dots and parentheses go; <c>00</c>, or no prefix before a full international
/// number (9 digits or more), means <c>+</c>. Up to 8 digits without a prefix stay digits: that is a short code.
/// Anything that is not written like a number (an alpha sender, a domain, a Resource name) is returned unchanged.
/// Every place that takes a number from outside resolves through this one rule.
/// </summary>
public static class PhoneNumbers
{
    /// <summary>A number without a prefix is a full international number from this many digits on; shorter is a short code.</summary>
    public const int MinInternationalDigits = 9;

    public static string Normalize(string text)
    {
        var trimmed = text.AsSpan().Trim();
        var digits = trimmed.Length <= 64 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        var count = 0;
        var plus = false;
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
            else if (c == '+' && count == 0 && !plus)
            {
                plus = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return text;
            }
        }

        var written = digits[..count];
        if (count == 0)
        {
            return text;
        }

        if (!plus && written.StartsWith("00") && count > 2)
        {
            plus = true;
            written = written[2..];
        }
        else if (!plus && count >= MinInternationalDigits && written[0] != '0')
        {
            plus = true;
        }

        // The canonical form is most often what came in: hand it back without allocating.
        var sameAsText = text.Length == written.Length + (plus ? 1 : 0)
            && (!plus || text[0] == '+') && text.AsSpan(plus ? 1 : 0).SequenceEqual(written);
        return sameAsText ? text : plus ? "+" + written.ToString() : written.ToString();
    }
}
