using System.Diagnostics;

namespace CpaasX.Testing.Platform;

/// <summary>
/// The published throttling, per endpoint: a token bucket per (method, path template) refilled at the rule's rate per
/// time unit and holding at most its burst; a request finding no token is answered 429.
/// </summary>
internal sealed class PlatformThrottle(TimeSpan unit)
{
    private readonly Dictionary<string, (double Tokens, long Stamp)> _buckets = [];
    private readonly Lock _lock = new();

    public bool TryTake(ContractOperation operation)
    {
        if (operation.Throttle is not ThrottleRule rule)
        {
            return true;
        }

        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            (var tokens, var stamp) = _buckets.TryGetValue(operation.Endpoint, out var bucket) ? bucket : (rule.Burst, now);
            tokens = Math.Min(rule.Burst, tokens + (Stopwatch.GetElapsedTime(stamp, now) / unit * rule.Requests));
            var allowed = tokens >= 1;
            _buckets[operation.Endpoint] = (allowed ? tokens - 1 : tokens, now);
            return allowed;
        }
    }
}
