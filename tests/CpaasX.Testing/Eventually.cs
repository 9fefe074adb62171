namespace CpaasX.Testing;

/// <summary>Waiting in tests for something that becomes true asynchronously (a watch event, a lease renewal, a write).</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            if (limit.IsCancellationRequested)
            {
                Assert.Fail($"Still not true after {timeout.TotalSeconds} s: {what}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
