using System.Collections.Concurrent;

using CpaasX.Operator.Runtime.ReconcileLoop;

namespace CpaasX.Operator.Tests.Runtime;

/// <summary>A reconciler whose behaviour per call is given by the test; it records every call and the peak concurrency.</summary>
internal sealed class ScriptedReconciler(Func<string, int, CancellationToken, Task<ReconcileResult>> behaviour) : IReconciler<string>
{
    private readonly ConcurrentQueue<string> _calls = new();
    private int _running;
    private int _peakConcurrency;

    public IReadOnlyList<string> Calls => [.. _calls];

    public int PeakConcurrency => Volatile.Read(ref _peakConcurrency);

    public async Task<ReconcileResult> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        _calls.Enqueue(key);
        var attempt = _calls.Count(call => call == key);
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _peakConcurrency, running);
        try
        {
            return await behaviour(key, attempt, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
