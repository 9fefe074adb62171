using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.Compilation;

/// <summary>Which resources a channel takes, for associations and for inbound configurations; null means it fits.</summary>
internal static class ChannelFit
{
    private static readonly string[] NorthAmerica = ["US", "CA"];

    /// <summary>
    /// SMS and MMS: a US or CA 10-digit long code with that capability (SMS also an ALPHA); EMAIL a DOMAIN; VOICE a NUMBER
    /// with VOICE; WHATSAPP, VIBER, RCS a CHAT_APP of that channel; WEBRTC a WEBRTC_PUSH.
    /// </summary>
    public static string? ForAssociation(Resource resource, Channel channel)
    {
        var spec = resource.Spec;
        var name = PlatformNames.Of(channel);
        return channel switch
        {
            Channel.Sms when spec.Type == ResourceType.Alpha => null,
            Channel.Sms or Channel.Mms when spec.Type == ResourceType.Number =>
                !Capable(spec.Number, channel) ? $"{name} needs a number with the {name} capability; Resource {Name(resource)} lacks it"
                : !IsNorthAmericanLongCode(spec.Number!) ? $"{name} takes only US or CA 10-digit long codes (VIRTUAL_LONG_NUMBER, +1 and 10 digits); Resource {Name(resource)} is not one"
                : null,
            Channel.Sms => $"SMS needs a NUMBER (a US or CA 10-digit long code) or an ALPHA; Resource {Name(resource)} is {TypeOf(spec)}",
            Channel.Mms => $"MMS needs a NUMBER (a US or CA 10-digit long code); Resource {Name(resource)} is {TypeOf(spec)}",
            Channel.Email => spec.Type == ResourceType.Domain ? null : $"EMAIL needs a DOMAIN; Resource {Name(resource)} is {TypeOf(spec)}",
            Channel.Voice => spec.Type != ResourceType.Number ? $"VOICE needs a NUMBER; Resource {Name(resource)} is {TypeOf(spec)}"
                : Capable(spec.Number, channel) ? null : $"VOICE needs a number with the VOICE capability; Resource {Name(resource)} lacks it",
            Channel.WebRtc => spec.Type == ResourceType.WebRtcPush ? null : $"WEBRTC needs a WEBRTC_PUSH; Resource {Name(resource)} is {TypeOf(spec)}",
            _ => ChatApp(resource, channel),
        };
    }

    /// <summary>Inbound arrives at a NUMBER on a channel it is capable of, or at a CHAT_APP on its own channel.</summary>
    public static string? ForInbound(Resource resource, Channel channel)
    {
        var spec = resource.Spec;
        return spec.Type switch
        {
            ResourceType.Number => Capable(spec.Number, channel) ? null
                : $"Resource {Name(resource)} does not have the {PlatformNames.Of(channel)} capability",
            ResourceType.ChatApp => ChatApp(resource, channel),
            _ => $"inbound messages arrive only at a NUMBER or a CHAT_APP; Resource {Name(resource)} is {TypeOf(spec)}",
        };
    }

    private static string? ChatApp(Resource resource, Channel channel) =>
        resource.Spec.Type == ResourceType.ChatApp && resource.Spec.ChatApp?.Channel == channel
            ? null
            : $"{PlatformNames.Of(channel)} needs a CHAT_APP of that channel; Resource {Name(resource)} is {Describe(resource.Spec)}";

    private static bool Capable(NumberSpec? number, Channel channel) => number?.Capabilities?.Contains(channel) == true;

    private static bool IsNorthAmericanLongCode(NumberSpec number) =>
        number.NumberType == NumberType.VirtualLongNumber
        && NorthAmerica.Contains(number.Country)
        && number.Number is { Length: 12 } digits && digits.StartsWith("+1", StringComparison.Ordinal) && digits[1..].All(char.IsAsciiDigit);

    private static string Name(Resource resource) => resource.Metadata?.Name ?? "";

    private static string TypeOf(ResourceSpec spec) => spec.Type is ResourceType type ? PlatformNames.Of(type) : "untyped";

    private static string Describe(ResourceSpec spec) =>
        spec.Type == ResourceType.ChatApp && spec.ChatApp?.Channel is Channel own ? $"a CHAT_APP of {PlatformNames.Of(own)}" : TypeOf(spec);
}
