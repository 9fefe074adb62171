namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// A sending strategy (v2) as the platform holds it. The platform assigns <see cref="Id"/> and has no update: a changed
/// strategy is deleted and created again, so it is matched by <see cref="Key"/> (application, entity, channel,
/// country), which the CRD keeps unique per namespace.
/// </summary>
public sealed record PlatformStrategy(
    string? Id,
    StrategyKey Key,
    bool UseStickySender,
    bool UseGeolocatedSender,
    IReadOnlyList<PlatformPriority> Priorities)
{
    /// <summary>Same settings, whatever the server ID and the order the priorities are listed in.</summary>
    public bool SameSettings(PlatformStrategy other) =>
        Key == other.Key
        && UseStickySender == other.UseStickySender
        && UseGeolocatedSender == other.UseGeolocatedSender
        && Priorities.OrderBy(priority => priority.SenderType, StringComparer.Ordinal).SequenceEqual(other.Priorities.OrderBy(priority => priority.SenderType, StringComparer.Ordinal));
}

/// <summary>A strategy's natural key; null fields match everything, as on the platform.</summary>
public sealed record StrategyKey(string? ApplicationId, string? EntityId, string? Channel, string? Country)
{
    public override string ToString() => $"{ApplicationId ?? "*"}/{EntityId ?? "*"} {Channel ?? "all channels"} {Country ?? "all countries"}";
}

/// <summary>One sender type's priority in a strategy (1 is tried first).</summary>
public sealed record PlatformPriority(string SenderType, int Priority);
