using CpaasX.Routing.Model;

namespace CpaasX.Routing.Resolution;

/// <summary>
/// An inbound message to route: the number (or chat-app sender) it reached, in any form <see cref="Model.PhoneNumbers"/>
/// reads (the platform's webhooks write numbers without <c>+</c>), its channel and its text.
/// </summary>
public sealed record InboundRequest(string Number, Channel Channel, string? Text = null);
