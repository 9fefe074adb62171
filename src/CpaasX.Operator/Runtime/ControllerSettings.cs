namespace CpaasX.Operator.Runtime;

/// <summary>Settings of a <see cref="Controller{TKey}"/>.</summary>
public sealed record ControllerSettings
{
    /// <summary>Keys are whole namespaces, so a few workers already keep many namespaces moving in parallel.</summary>
    public const int DefaultWorkers = 2;

    /// <summary>
    /// How long in-flight reconciles may run on after a graceful stop before they are cancelled: well inside
    /// Kubernetes' default 30 s termination grace period, so that releasing the lease still fits after it.
    /// </summary>
    public static readonly TimeSpan DefaultShutdownGracePeriod = TimeSpan.FromSeconds(10);

    public int Workers { get; init; } = DefaultWorkers;

    public TimeSpan ShutdownGracePeriod { get; init; } = DefaultShutdownGracePeriod;
}
