using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>
/// A Ready SenderStrategy. Its key is (<paramref name="ApplicationId"/>, <paramref name="EntityId"/>,
/// <paramref name="Channel"/>, <paramref name="DestinationCountryCode"/>); a null part matches every request.
/// <paramref name="Name"/> is the object name.
/// </summary>
public sealed record SenderStrategyEntry(
    string Name,
    string? ApplicationId,
    string? EntityId,
    Channel? Channel,
    string? DestinationCountryCode,
    bool UseStickySender,
    bool UseGeolocatedSender,
    IReadOnlyList<SenderPriority> Priorities);
