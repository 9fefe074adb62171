using CpaasX.Routing.Model;

namespace CpaasX.Routing.Resolution;

/// <summary>An inbound message to route: the number (or chat-app sender) it reached, its channel and its text.</summary>
public sealed record InboundRequest(string Number, Channel Channel, string? Text = null);
