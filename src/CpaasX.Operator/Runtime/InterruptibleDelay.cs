namespace CpaasX.Operator.Runtime;

/// <summary>A pause between attempts of a loop that ends on its cancellation token.</summary>
internal static class InterruptibleDelay
{
    /// <summary>Waits <paramref name="delay"/>; cancellation ends the wait early without throwing, the caller's loop condition ends the run.</summary>
    public static async Task WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Not an error: the loop sees the same token.
        }
    }
}
