namespace CpaasX.Operator.Runtime.Queue;

/// <summary>A delay that doubles with every consecutive failure, from <see cref="Initial"/> up to <see cref="Cap"/>.</summary>
public sealed record ExponentialBackoff(TimeSpan Initial, TimeSpan Cap)
{
    /// <summary>The delay before the next attempt after <paramref name="failures"/> consecutive failures (1 = first failure).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        if (failures <= 0 || Initial <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // Doubling past 2^62 ticks would overflow; by then the cap has long been reached.
        var exponent = Math.Min(failures - 1, 62);
        var ticks = Initial.Ticks * Math.Pow(2, exponent);
        return ticks >= Cap.Ticks ? Cap : TimeSpan.FromTicks((long)ticks);
    }
}
