using CpaasX.Routing.Model;

namespace CpaasX.Routing.Resolution;

/// <summary>
/// A request given as named text parameters, as the CLI's options, the routing sidecar's query string and the
/// conformance vectors give it. Outbound: <c>application</c> (absent or empty: <c>default</c>), <c>entity</c>,
/// <c>channel</c>, <c>to</c>, <c>sender</c>. Inbound: <c>number</c>, <c>channel</c>, <c>text</c>. A missing required
/// parameter or an unknown channel throws <see cref="FormatException"/> whose message starts with the parameter's name.
/// </summary>
public static class ResolutionQuery
{
    public const string Application = "application";
    public const string Entity = "entity";
    public const string Channel = "channel";
    public const string To = "to";
    public const string Sender = "sender";
    public const string Number = "number";
    public const string Text = "text";

    public static IReadOnlyList<string> OutboundParameters { get; } = [Application, Entity, Channel, To, Sender];

    public static IReadOnlyList<string> InboundParameters { get; } = [Number, Channel, Text];

    public static OutboundRequest Outbound(Func<string, string?> parameter) => new(
        parameter(Application),
        parameter(Entity),
        ParseChannel(parameter(Channel)),
        Required(parameter, To),
        parameter(Sender));

    public static InboundRequest Inbound(Func<string, string?> parameter) => new(
        Required(parameter, Number),
        ParseChannel(parameter(Channel)),
        parameter(Text));

    /// <summary>The request's parameters by name, leaving out those it does not set: the inverse of <see cref="Outbound"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParametersOf(OutboundRequest request) => Present(
        (Application, request.ApplicationId),
        (Entity, request.EntityId),
        (Channel, PlatformNames.Of(request.Channel)),
        (To, request.Destination),
        (Sender, request.Sender));

    /// <summary>The request's parameters by name, leaving out those it does not set: the inverse of <see cref="Inbound"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParametersOf(InboundRequest request) => Present(
        (Number, request.Number),
        (Channel, PlatformNames.Of(request.Channel)),
        (Text, request.Text));

    private static Model.Channel ParseChannel(string? text) =>
        string.IsNullOrEmpty(text)
            ? throw new FormatException($"{Channel}: missing (SMS, MMS, VOICE, EMAIL, WHATSAPP, VIBER, RCS or WEBRTC).")
            : PlatformNames.TryParse<Model.Channel>(text, out var channel)
                ? channel
                : throw new FormatException($"{Channel}: '{text}' is not a channel (SMS, MMS, VOICE, EMAIL, WHATSAPP, VIBER, RCS, WEBRTC).");

    private static string Required(Func<string, string?> parameter, string name) =>
        parameter(name) is { Length: > 0 } value ? value : throw new FormatException($"{name}: missing.");

    private static KeyValuePair<string, string>[] Present(params (string Name, string? Value)[] parameters) =>
        [.. parameters.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Name, p.Value!))];
}
