namespace CpaasX.Benchmarks;

/// <summary>
/// Collects the benchmark process's garbage before a timed run: the servers of earlier runs and of the warm-up are
/// gone but not yet collected, and the run that met a full collection of them would pay for the others.
/// </summary>
internal static class CleanHeap
{
    public static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
