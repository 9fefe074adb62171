namespace CpaasX.Operator.Runtime.ReconcileLoop;

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

    /// <summary>The controller's name, in the log scope of each reconcile (<c>controller=NAME</c>) and the <c>controller</c> label of its metrics.</summary>
    public string Name { get; init; } = "controller";

    /// <summary>What a key is, named in the log scope of its reconcile (<c>KEYNAME=key</c>), e.g. <c>namespace</c>.</summary>
    public string KeyName { get; init; } = "key";

    public TimeSpan ShutdownGracePeriod { get; init; } = DefaultShutdownGracePeriod;
}
