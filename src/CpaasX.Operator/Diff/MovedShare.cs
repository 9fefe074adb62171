using CpaasX.Routing.Model;

namespace CpaasX.Operator.Diff;

/// <summary>
/// For the outbound messages of one (application, entity, channel) to one destination country (<c>other</c>: any
/// country no sender or strategy involved names), the share that goes from another sender (or from none) after the
/// change: estimated with the resolver over <paramref name="Destinations"/> sample destinations.
/// </summary>
public sealed record MovedShare(string ApplicationId, string? EntityId, Channel Channel, string Country, double Share, int Destinations);
