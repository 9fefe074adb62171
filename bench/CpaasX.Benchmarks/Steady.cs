namespace CpaasX.Benchmarks;

/// <summary>Waiting until a counter (writes, compiled methods, CPU time) stops moving: what it counts has finished.</summary>
internal static class Steady
{
    /// <summary>Returns once <paramref name="read"/> has moved by at most <paramref name="tolerance"/> over one <paramref name="interval"/>.</summary>
    public static async Task WaitAsync(Func<long> read, TimeSpan interval, long tolerance = 0)
    {
        var last = read();
        while (true)
        {
            await Task.Delay(interval);
            var now = read();
            if (now - last <= tolerance)
            {
                return;
            }

            last = now;
        }
    }
}
