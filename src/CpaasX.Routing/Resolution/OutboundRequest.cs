using CpaasX.Routing.Model;

namespace CpaasX.Routing.Resolution;

/// <summary>
/// An outbound message to route. An empty <paramref name="ApplicationId"/> means the <c>default</c> application;
/// <paramref name="Sender"/> is an explicit sender (value or Resource name) that wins over any strategy. Numbers may be in
/// any form <see cref="Model.PhoneNumbers"/> reads (<c>12015550101</c>, <c>+1 (201) 555-0101</c>, <c>0012015550101</c>).
/// </summary>
public sealed record OutboundRequest(string? ApplicationId, string? EntityId, Channel Channel, string Destination, string? Sender = null);
