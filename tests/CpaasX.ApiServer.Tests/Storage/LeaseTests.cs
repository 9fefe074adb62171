using CpaasX.ApiServer.Tests.Support;
using CpaasX.Testing;

using k8s;
using k8s.Autorest;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;

namespace CpaasX.ApiServer.Tests.Storage;

/// <summary>Leases as KubernetesClient's LeaderElector uses them: create, get, update guarded by resourceVersion.</summary>
public sealed class LeaseTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_stale_lease_update_is_409_so_two_candidates_cannot_both_take_it()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        var leases = scope.Client.CoordinationV1;
        var created = await leases.CreateNamespacedLeaseAsync(Lease("a"), "default");
        var first = Lease("b");
        first.Metadata.ResourceVersion = created.Metadata.ResourceVersion;
        var second = Lease("c");
        second.Metadata.ResourceVersion = created.Metadata.ResourceVersion;

        var updated = await leases.ReplaceNamespacedLeaseAsync(first, "leader", "default");
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => leases.ReplaceNamespacedLeaseAsync(second, "leader", "default"));

        Assert.NotEqual(created.Metadata.ResourceVersion, updated.Metadata.ResourceVersion);
        Assert.Equal(409, (int)error.Response.StatusCode);
        Assert.Equal("b", (await leases.ReadNamespacedLeaseAsync("leader", "default")).Spec.HolderIdentity);
    }

    [Fact]
    public async Task The_LeaderElector_leads_renews_and_hands_over_when_the_leader_stops()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var firstStop = new CancellationTokenSource();
        using var secondStop = new CancellationTokenSource();
        var firstLeads = new TaskCompletionSource();
        var secondLeads = new TaskCompletionSource();
        using var first = Elector(scope.Client, "first", firstLeads);
        using var second = Elector(scope.Client, "second", secondLeads);

        var firstRun = first.RunUntilLeadershipLostAsync(firstStop.Token);
        await firstLeads.Task.WaitAsync(Patience);
        var secondRun = second.RunUntilLeadershipLostAsync(secondStop.Token);
        var acquired = await scope.Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", "default");
        await Eventually.UntilAsync(
            async () => (await scope.Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", "default")).Spec.RenewTime > acquired.Spec.RenewTime,
            Patience,
            "the leader renews the lease");
        var secondLeadWhileFirstRenews = secondLeads.Task.IsCompleted;
        await firstStop.CancelAsync();
        await EndsAsync(firstRun);
        await secondLeads.Task.WaitAsync(Patience);
        await secondStop.CancelAsync();
        await EndsAsync(secondRun);

        Assert.Equal("first", acquired.Spec.HolderIdentity);
        Assert.False(secondLeadWhileFirstRenews);
        Assert.Equal("second", (await scope.Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", "default")).Spec.HolderIdentity);
    }

    /// <summary>
    /// Waits for a cancelled elector's run to end. The client ends it with OperationCanceledException or by returning,
    /// depending on whether the cancellation met a request or the wait between two: either is a stop.
    /// </summary>
    private static async Task EndsAsync(Task run)
    {
        try
        {
            await run.WaitAsync(Patience);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static V1Lease Lease(string holder) => new()
    {
        Metadata = new V1ObjectMeta { Name = "leader" },
        Spec = new V1LeaseSpec { HolderIdentity = holder, LeaseDurationSeconds = 15 },
    };

    private static LeaderElector Elector(IKubernetes client, string identity, TaskCompletionSource leads)
    {
        var elector = new LeaderElector(new LeaderElectionConfig(new LeaseLock(client, "default", "leader", identity))
        {
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromSeconds(1),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        });
        elector.OnStartedLeading += () => leads.TrySetResult();
        return elector;
    }
}
