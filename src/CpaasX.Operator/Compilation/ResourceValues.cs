using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// The three forms of a Resource's value, each null when the spec does not name one:
/// the sender value routing sends from, the value shown in status, and the type-qualified key duplicates are found by.
/// </summary>
public static class ResourceValues
{
    /// <summary>What traffic is sent from or arrives at: the number or short code, alpha sender, domain, chat-app sender ID or push configuration ID.</summary>
    public static string? SenderValue(ResourceSpec? spec) => spec?.Type switch
    {
        ResourceType.Number => NonEmpty(spec.Number?.Number),
        ResourceType.Alpha => NonEmpty(spec.Alpha?.Sender),
        ResourceType.Domain => NonEmpty(spec.Domain?.DomainName),
        ResourceType.ChatApp => spec.ChatApp?.Channel is null ? null : NonEmpty(spec.ChatApp.SenderId),
        ResourceType.WebRtcPush => NonEmpty(spec.WebRtcPush?.ConfigurationId),
        _ => null,
    };

    /// <summary>The value status shows: the number, <c>shortcode@COUNTRY</c>, sender, domain, <c>CHANNEL:senderId</c> or configuration ID.</summary>
    public static string? StatusValue(ResourceSpec? spec)
    {
        var sender = SenderValue(spec);
        return (sender, spec?.Type) switch
        {
            (null, _) => null,
            (_, ResourceType.Number) when spec!.Number!.NumberType == NumberType.ShortCode =>
                NonEmpty(spec.Number.Country) is string country ? $"{sender}@{country.ToUpperInvariant()}" : null,
            (_, ResourceType.ChatApp) => $"{PlatformNames.Of(spec!.ChatApp!.Channel!.Value)}:{sender}",
            _ => sender,
        };
    }

    /// <summary>
    /// The key one bought resource has cluster-wide: type and status value, with alpha senders compared
    /// case-insensitively (upper case) and domains in lower case, as recipients and DNS see them.
    /// </summary>
    public static string? Key(ResourceSpec? spec)
    {
        var value = StatusValue(spec);
        return value is null ? null : spec!.Type switch
        {
            ResourceType.Alpha => $"ALPHA:{value.ToUpperInvariant()}",
            ResourceType.Domain => $"DOMAIN:{value.ToLowerInvariant()}",
            _ => $"{PlatformNames.Of(spec.Type!.Value)}:{value}",
        };
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
