using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.WebConsole;

/// <summary>How the console names a Resource's type, value and spec, in the platform's words.</summary>
internal static class ResourceWords
{
    /// <summary>The platform's type toggles, in its order: the query value and the label.</summary>
    public static IReadOnlyList<(ResourceType Type, string Label)> Types { get; } =
    [
        (ResourceType.Number, "Number"),
        (ResourceType.Alpha, "Alphanumeric"),
        (ResourceType.Domain, "Email domain"),
        (ResourceType.ChatApp, "Chat app"),
        (ResourceType.WebRtcPush, "WebRTC"),
    ];

    public static string TypeLabel(ResourceType? type) =>
        Types.FirstOrDefault(entry => entry.Type == type).Label ?? "Unknown type";

    /// <summary>The normalized value the operator reported, else the value as written in the spec.</summary>
    public static string Value(Resource resource) =>
        resource.Status?.Value ?? resource.Spec.Type switch
        {
            ResourceType.Number => resource.Spec.Number?.Number,
            ResourceType.Alpha => resource.Spec.Alpha?.Sender,
            ResourceType.Domain => resource.Spec.Domain?.DomainName,
            ResourceType.ChatApp => resource.Spec.ChatApp?.SenderId,
            ResourceType.WebRtcPush => resource.Spec.WebRtcPush?.ConfigurationId,
            _ => null,
        } ?? "";

    public static string Capabilities(Resource resource) =>
        resource.Spec.Number?.Capabilities is { } capabilities ? string.Join(", ", capabilities.Select(PlatformNames.Of)) : "";

    /// <summary>The channels the resource can be associated for, by its type and capabilities (the operator's rule).</summary>
    public static IReadOnlyList<Channel> Channels(Resource resource) =>
        resource.Spec.Type is { } type
            ? [.. Enum.GetValues<Channel>().Where(channel => SenderFit.Fits(type, NamespaceCompilation.ChannelsOf(resource.Spec), channel))]
            : [];

    /// <summary>The spec as one sentence.</summary>
    public static string Sentence(Resource resource)
    {
        var spec = resource.Spec;
        return spec.Type switch
        {
            ResourceType.Number when spec.Number is { } number =>
                $"A {PlatformNames.Of(number.NumberType ?? default)} number {number.Number} in {number.Country}, for {Capabilities(resource)}"
                + (number.Shared ? "; shared (keywords only)." : "."),
            ResourceType.Alpha when spec.Alpha is { } alpha =>
                $"An alphanumeric sender {alpha.Sender}" + (alpha.Countries is { Count: > 0 } countries ? $", for {string.Join(", ", countries)}." : "."),
            ResourceType.Domain when spec.Domain is { } domain => $"An email domain {domain.DomainName}.",
            ResourceType.ChatApp when spec.ChatApp is { } chat => $"A {PlatformNames.Of(chat.Channel ?? default)} chat-app sender {chat.SenderId}.",
            ResourceType.WebRtcPush when spec.WebRtcPush is { } webRtc => $"A WebRTC push configuration {webRtc.ConfigurationId}.",
            _ => "A resource whose spec names no known type.",
        };
    }
}
