using System.Text.Json.Nodes;

namespace CpaasX.Testing.Platform;

/// <summary>
/// An operation's <c>x-throttling-info</c>: a time window of <see cref="Requests"/> per second, or a token bucket
/// refilled at <see cref="Requests"/> per second holding at most <see cref="Burst"/>.
/// </summary>
public sealed record ThrottleRule(int Requests, int Burst)
{
    internal static ThrottleRule From(JsonObject info) => info["type"]!.GetValue<string>() switch
    {
        // numberOfTimeUnits 0 is rendered by the platform's reference as "per second".
        "time" when info["timeUnit"]!.GetValue<string>() == "s" => new ThrottleRule(info["numberOfRequests"]!.GetValue<int>(), info["numberOfRequests"]!.GetValue<int>()),
        "token" => new ThrottleRule(info["replenishRate"]!.GetValue<int>(), info["burstCapacity"]!.GetValue<int>()),
        var other => throw new NotSupportedException($"x-throttling-info {other}/{info["timeUnit"]} is not modelled."),
    };
}
