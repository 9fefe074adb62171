namespace CpaasX.Operator.Runtime.LeaderElection;

/// <summary>Where and how an instance campaigns for leadership; the defaults are controller-runtime's (manager.go).</summary>
public sealed record LeaderElectionSettings(string Identity, string LeaseNamespace, string LeaseName = LeaderElectionSettings.DefaultLeaseName)
{
    public const string DefaultLeaseName = "cpaasx-operator";

    /// <summary>How long followers wait after the last renewal before taking over: the failover time after a crash.</summary>
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leading; shorter than the lease so it stops before anyone else can start.</summary>
    public static readonly TimeSpan DefaultRenewDeadline = TimeSpan.FromSeconds(10);

    /// <summary>How often every instance tries to acquire or renew: several tries fit in the renew deadline.</summary>
    public static readonly TimeSpan DefaultRetryPeriod = TimeSpan.FromSeconds(2);

    public TimeSpan LeaseDuration { get; init; } = DefaultLeaseDuration;

    public TimeSpan RenewDeadline { get; init; } = DefaultRenewDeadline;

    public TimeSpan RetryPeriod { get; init; } = DefaultRetryPeriod;

    /// <summary>Throws unless lease duration &gt; renew deadline &gt; retry period, without which two leaders could overlap.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Identity))
        {
            throw new ArgumentException("A leader election identity is required.", nameof(Identity));
        }

        if (LeaseDuration <= RenewDeadline || RenewDeadline <= RetryPeriod || RetryPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"Leader election needs lease duration ({LeaseDuration}) > renew deadline ({RenewDeadline}) > retry period ({RetryPeriod}) > 0.");
        }
    }
}
