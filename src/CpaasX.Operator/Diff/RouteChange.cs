using CpaasX.Routing.Model;

namespace CpaasX.Operator.Diff;

/// <summary>
/// An inbound (or voice) route of a number on a channel, for one keyword or (null) the default, whose receiver changes,
/// appears (<paramref name="From"/> null) or disappears (<paramref name="To"/> null).
/// </summary>
public sealed record RouteChange(string Value, string Resource, Channel Channel, string? Keyword, RouteEnd? From, RouteEnd? To);
