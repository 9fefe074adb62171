namespace CpaasX.Routing.Model;

/// <summary>
/// Which Resources a channel takes as an explicit sender, the platform's first outbound option (no association needed):
/// SMS a NUMBER with SMS of any country and type, or an ALPHA; MMS a NUMBER with MMS; VOICE a NUMBER with VOICE; EMAIL a
/// DOMAIN; WHATSAPP, VIBER, RCS a CHAT_APP of that channel; WEBRTC a WEBRTC_PUSH. The US/CA long-code rule limits
/// associations only. The capabilities passed are a NUMBER's capabilities or a CHAT_APP's channel.
/// </summary>
public static class SenderFit
{
    public static bool Fits(ResourceType type, IReadOnlyCollection<Channel> capabilities, Channel channel) =>
        WhyNot(type, capabilities, channel) is null;

    /// <summary>What the resource lacks to send on <paramref name="channel"/>, or null when it fits.</summary>
    public static string? WhyNot(ResourceType type, IReadOnlyCollection<Channel> capabilities, Channel channel)
    {
        var name = PlatformNames.Of(channel);
        var isType = type == TypeFor(channel) || (channel == Channel.Sms && type == ResourceType.Alpha);
        return !isType ? $"{name} takes {Requirement(channel)}, not {Article(type)} {PlatformNames.Of(type)}"
            : type is ResourceType.Number or ResourceType.ChatApp && !capabilities.Contains(channel)
                ? type == ResourceType.Number ? $"the NUMBER lacks the {name} capability" : $"the CHAT_APP is not a {name} sender"
            : null;
    }

    /// <summary>The resources <paramref name="channel"/> takes, in words.</summary>
    public static string Requirement(Channel channel) => channel switch
    {
        Channel.Sms => "a NUMBER with SMS or an ALPHA",
        Channel.Mms or Channel.Voice => $"a NUMBER with {PlatformNames.Of(channel)}",
        Channel.Email => "a DOMAIN",
        Channel.WebRtc => "a WEBRTC_PUSH",
        _ => $"a CHAT_APP of {PlatformNames.Of(channel)}",
    };

    private static string Article(ResourceType type) => type == ResourceType.Alpha ? "an" : "a";

    private static ResourceType TypeFor(Channel channel) => channel switch
    {
        Channel.Sms or Channel.Mms or Channel.Voice => ResourceType.Number,
        Channel.Email => ResourceType.Domain,
        Channel.WebRtc => ResourceType.WebRtcPush,
        _ => ResourceType.ChatApp,
    };
}
