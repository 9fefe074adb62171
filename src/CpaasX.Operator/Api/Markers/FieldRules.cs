using System.Reflection;

namespace CpaasX.Operator.Api.Markers;

/// <summary>
/// Every field rule of the API in one place. Fields name their rule with <see cref="FieldRuleAttribute"/>.
/// </summary>
public static class FieldRules
{
    private const string E164Pattern = @"\+[0-9]{8,15}";
    private const string ShortCodePattern = "[0-9]{3,8}";

    /// <summary>applicationId, entityId and other platform IDs: URL-safe characters, at most 255.</summary>
    public static readonly FieldRule Identifier = new(
        "URL-safe characters [A-Za-z0-9._~-], 1 to 255 characters.",
        MinLength: 1, MaxLength: 255, Pattern: "^[A-Za-z0-9._~-]+$",
        PatternMessage: "must contain only URL-safe characters [A-Za-z0-9._~-]");

    /// <summary>Human-readable names of applications and entities.</summary>
    public static readonly FieldRule DisplayName = new("At most 255 characters.", MinLength: 1, MaxLength: 255);

    /// <summary>A Kubernetes object name in the same namespace (RFC 1123 subdomain).</summary>
    public static readonly FieldRule ObjectName = new(
        "An object name in the same namespace: lower-case RFC 1123 subdomain, at most 253 characters.",
        MinLength: 1, MaxLength: 253, Pattern: DnsSubdomainPattern,
        PatternMessage: "must be a lower-case RFC 1123 subdomain (a-z, 0-9, '-', '.')");

    /// <summary>An email domain: lower-case RFC 1123 DNS name.</summary>
    public static readonly FieldRule DnsName = new(
        "A lower-case RFC 1123 DNS name, labels of at most 63 characters, at most 253 characters.",
        MinLength: 1, MaxLength: 253, Pattern: DnsSubdomainPattern,
        PatternMessage: "must be a lower-case RFC 1123 DNS name (labels of a-z, 0-9, '-', separated by '.')");

    /// <summary>A phone number: E.164 for long numbers and toll-free, digits for short codes.</summary>
    public static readonly FieldRule PhoneNumber = new(
        "E.164 ('+' and 8 to 15 digits), or 3 to 8 digits for a SHORT_CODE.",
        MinLength: 3, MaxLength: 16, Pattern: $"^({E164Pattern}|{ShortCodePattern})$",
        PatternMessage: "must be E.164 ('+' and 8 to 15 digits) or a short code (3 to 8 digits)",
        SuggestsCanonicalNumber: true);

    /// <summary>E.164, checked against the number type by an object rule.</summary>
    public static readonly FieldRule E164 = new(
        "'+' and 8 to 15 digits.", Pattern: $"^{E164Pattern}$",
        PatternMessage: "must be E.164 ('+' and 8 to 15 digits) for this numberType",
        SuggestsCanonicalNumber: true);

    /// <summary>A short code's digits, checked against the number type by an object rule.</summary>
    public static readonly FieldRule ShortCode = new(
        "3 to 8 digits.", Pattern: $"^{ShortCodePattern}$",
        PatternMessage: "must be 3 to 8 digits for a SHORT_CODE");

    /// <summary>An alphanumeric sender: 3 to 11 letters, digits and spaces with at least one letter.</summary>
    public static readonly FieldRule AlphaSender = new(
        "3 to 11 letters, digits and spaces, with at least one letter.",
        MinLength: 3, MaxLength: 11, Pattern: "^[A-Za-z0-9 ]*[A-Za-z][A-Za-z0-9 ]*$",
        PatternMessage: "must be letters, digits and spaces with at least one letter");

    /// <summary>An ISO 3166-1 alpha-2 country code.</summary>
    public static readonly FieldRule CountryCode = new(
        "ISO 3166-1 alpha-2 country code, upper case (US, GB, DE).",
        MinLength: 2, MaxLength: 2, Pattern: "^[A-Z]{2}$",
        PatternMessage: "must be an ISO 3166-1 alpha-2 country code in upper case");

    /// <summary>An inbound keyword: one word, matched case-insensitively.</summary>
    public static readonly FieldRule Keyword = new(
        "One word without whitespace, 1 to 50 characters, matched case-insensitively.",
        MinLength: 1, MaxLength: 50, Pattern: @"^\S+$",
        PatternMessage: "keyword must be one word without whitespace", PatternAsCel: true);

    /// <summary>A chat-app sender ID (WhatsApp number, Viber service, RCS agent).</summary>
    public static readonly FieldRule ChatAppSenderId = new(
        "The platform's sender ID, 1 to 255 characters without whitespace.",
        MinLength: 1, MaxLength: 255, Pattern: @"^\S+$",
        PatternMessage: "must not contain whitespace");

    /// <summary>A sender-type priority: lower first.</summary>
    public static readonly FieldRule SenderPriority = new("1 to 4, lower first.", Minimum: 1, Maximum: 4);

    /// <summary>A generation number.</summary>
    public static readonly FieldRule Generation = new("Zero or more.", Minimum: 0);

    /// <summary>metav1.Condition type: CamelCase, optionally domain-prefixed.</summary>
    public static readonly FieldRule ConditionType = new(
        "CamelCase condition type.",
        MinLength: 1, MaxLength: 316,
        Pattern: @"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
        PatternMessage: "must be a CamelCase condition type");

    /// <summary>metav1.Condition reason: CamelCase.</summary>
    public static readonly FieldRule ConditionReason = new(
        "CamelCase reason.",
        MinLength: 1, MaxLength: 1024, Pattern: "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
        PatternMessage: "must be a CamelCase reason");

    /// <summary>metav1.Condition message.</summary>
    public static readonly FieldRule ConditionMessage = new("At most 32768 characters.", MaxLength: 32768);

    private const string DnsSubdomainPattern = @"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$";

    private static readonly IReadOnlyDictionary<string, FieldRule> ByName = typeof(FieldRules)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(FieldRule))
        .ToDictionary(field => field.Name, field => (FieldRule)field.GetValue(null)!, StringComparer.Ordinal);

    /// <summary>Every rule by its field name here, for attribute lookup and for tests.</summary>
    public static IReadOnlyDictionary<string, FieldRule> All => ByName;

    /// <summary>The rule a <see cref="FieldRuleAttribute"/> names.</summary>
    public static FieldRule Named(string name) =>
        ByName.TryGetValue(name, out var rule) ? rule : throw new ArgumentException($"No field rule named '{name}'.", nameof(name));
}
