using System.Collections.Frozen;

namespace CpaasX.Routing.Resolution;

/// <summary>
/// The ISO 3166 alpha-2 country of an E.164 destination, by its country calling code (longest prefix wins) and, inside
/// the North American Numbering Plan (+1), by area code. A destination that is not E.164 or has an unknown code has no
/// country, so no number can send to it (alpha senders without countries still can).
/// </summary>
public static class DestinationCountries
{
    // Calling code → country for the codes the platform sends to; shared codes map to their main country.
    private static readonly FrozenDictionary<string, string> ByCallingCode = Parse(
        "20:EG 211:SS 212:MA 213:DZ 216:TN 218:LY 220:GM 221:SN 222:MR 223:ML 224:GN 225:CI 226:BF 227:NE 228:TG 229:BJ "
        + "230:MU 231:LR 232:SL 233:GH 234:NG 235:TD 236:CF 237:CM 238:CV 239:ST 240:GQ 241:GA 242:CG 243:CD 244:AO "
        + "245:GW 248:SC 249:SD 250:RW 251:ET 252:SO 253:DJ 254:KE 255:TZ 256:UG 257:BI 258:MZ 260:ZM 261:MG 262:RE "
        + "263:ZW 264:NA 265:MW 266:LS 267:BW 268:SZ 269:KM 27:ZA 290:SH 291:ER 297:AW 298:FO 299:GL 30:GR 31:NL 32:BE "
        + "33:FR 34:ES 350:GI 351:PT 352:LU 353:IE 354:IS 355:AL 356:MT 357:CY 358:FI 359:BG 36:HU 370:LT 371:LV 372:EE "
        + "373:MD 374:AM 375:BY 376:AD 377:MC 378:SM 380:UA 381:RS 382:ME 383:XK 385:HR 386:SI 387:BA 389:MK 39:IT 40:RO "
        + "41:CH 420:CZ 421:SK 423:LI 43:AT 44:GB 45:DK 46:SE 47:NO 48:PL 49:DE 500:FK 501:BZ 502:GT 503:SV 504:HN 505:NI "
        + "506:CR 507:PA 508:PM 509:HT 51:PE 52:MX 53:CU 54:AR 55:BR 56:CL 57:CO 58:VE 590:GP 591:BO 592:GY 593:EC 594:GF "
        + "595:PY 596:MQ 597:SR 598:UY 599:CW 60:MY 61:AU 62:ID 63:PH 64:NZ 65:SG 66:TH 670:TL 673:BN 674:NR 675:PG 676:TO "
        + "677:SB 678:VU 679:FJ 680:PW 685:WS 686:KI 687:NC 689:PF 691:FM 692:MH 7:RU 76:KZ 77:KZ 81:JP 82:KR 84:VN 850:KP "
        + "852:HK 853:MO 855:KH 856:LA 86:CN 880:BD 886:TW 90:TR 91:IN 92:PK 93:AF 94:LK 95:MM 960:MV 961:LB 962:JO 963:SY "
        + "964:IQ 965:KW 966:SA 967:YE 968:OM 970:PS 971:AE 972:IL 973:BH 974:QA 975:BT 976:MN 977:NP 98:IR 992:TJ 993:TM "
        + "994:AZ 995:GE 996:KG 998:UZ");

    // Area codes of the +1 plan that are not the United States.
    private static readonly FrozenDictionary<string, string> ByNorthAmericanAreaCode = Parse(
        "204:CA 226:CA 236:CA 249:CA 250:CA 257:CA 263:CA 289:CA 306:CA 343:CA 354:CA 365:CA 367:CA 368:CA 382:CA 387:CA "
        + "403:CA 416:CA 418:CA 428:CA 431:CA 437:CA 438:CA 450:CA 460:CA 468:CA 474:CA 506:CA 514:CA 519:CA 548:CA 579:CA "
        + "581:CA 584:CA 587:CA 604:CA 613:CA 639:CA 647:CA 672:CA 683:CA 705:CA 709:CA 742:CA 753:CA 778:CA 780:CA 782:CA "
        + "807:CA 819:CA 825:CA 867:CA 873:CA 879:CA 902:CA 905:CA 942:CA "
        + "242:BS 246:BB 264:AI 268:AG 284:VG 340:VI 345:KY 441:BM 473:GD 649:TC 658:JM 664:MS 670:MP 671:GU 684:AS "
        + "721:SX 758:LC 767:DM 784:VC 787:PR 809:DO 829:DO 849:DO 868:TT 869:KN 876:JM 939:PR");

    // Country → the first prefix (calling code, or +1 and area code) that reads as it; the United States is every +1 area
    // code the table above does not list, 201 (New Jersey) being the first.
    private static readonly FrozenDictionary<string, string> PrefixByCountry = new[] { ("US", "+1201") }
        .Concat(ByNorthAmericanAreaCode.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Value, "+1" + pair.Key)))
        .Concat(ByCallingCode.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Value, "+" + pair.Key)))
        .DistinctBy(pair => pair.Item1)
        .ToFrozenDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal);

    /// <summary>The destination's country, or null when it is not an E.164 number of a known calling code.</summary>
    public static string? Of(string destination)
    {
        var digits = destination.AsSpan();
        if (digits.Length < 9 || digits[0] != '+' || digits[1..].ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        digits = digits[1..];
        if (digits[0] == '1')
        {
            return digits.Length == 11 ? AreaCodeCountry(digits.Slice(1, 3)) : null;
        }

        var lookup = ByCallingCode.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = 3; length >= 1; length--)
        {
            if (lookup.TryGetValue(digits[..length], out var country))
            {
                return country;
            }
        }

        return null;
    }

    /// <summary>
    /// An E.164 prefix whose numbers are in <paramref name="country"/> (ISO alpha-2, any case): its calling code, or for
    /// a +1 country +1 and one of its area codes; null for a country this table does not know.
    /// </summary>
    public static string? Prefix(string country) => PrefixByCountry.GetValueOrDefault(country.ToUpperInvariant());

    /// <summary>The area code of a +1 number in E.164 (<c>+1NPANXXXXXX</c>), or an empty span for any other value.</summary>
    public static ReadOnlySpan<char> NorthAmericanAreaCode(string number) =>
        number.Length == 12 && number.StartsWith("+1", StringComparison.Ordinal) ? number.AsSpan(2, 3) : [];

    private static string AreaCodeCountry(ReadOnlySpan<char> areaCode) =>
        ByNorthAmericanAreaCode.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(areaCode, out var country) ? country : "US";

    private static FrozenDictionary<string, string> Parse(string pairs) =>
        pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(':'))
            .ToFrozenDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
}
