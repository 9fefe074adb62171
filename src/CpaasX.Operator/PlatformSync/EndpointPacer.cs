using System.Collections.Concurrent;
using System.Diagnostics;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// One request at a time per endpoint, each starting at least an interval after the previous one ended. Counting
/// from the end (the platform has then seen the request) keeps the gap the platform sees at least the interval,
/// whatever the network delays.
/// </summary>
internal sealed class EndpointPacer(TimeSpan interval)
{
    private readonly ConcurrentDictionary<string, Pace> _endpoints = new();

    /// <param name="rate">How many requests the endpoint publishes per interval (the inbound configuration list allows 2 a second).</param>
    public async Task<T> RunAsync<T>(string endpoint, Func<Task<T>> request, CancellationToken cancellationToken, int rate = 1)
    {
        var pace = _endpoints.GetOrAdd(endpoint, _ => new Pace());
        await pace.Gate.WaitAsync(cancellationToken);
        try
        {
            var wait = (interval / rate) - Stopwatch.GetElapsedTime(pace.LastEnd);
            if (pace.LastEnd != 0 && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            try
            {
                return await request();
            }
            finally
            {
                pace.LastEnd = Stopwatch.GetTimestamp();
            }
        }
        finally
        {
            pace.Gate.Release();
        }
    }

    private sealed class Pace
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long LastEnd { get; set; }
    }
}
