using System.Net;

using CpaasX.Operator.Hosting;
using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.Hosting;

/// <summary>/healthz and /readyz tell the truth when the API server refuses watches for a while, then serves them again.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task Refused_watches_fail_healthz_and_readyz_after_the_stall_timeout_and_both_recover_when_watches_are_back()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var instance = await cluster.StartOperatorAsync(new OperatorOptions { StallTimeout = TimeSpan.FromSeconds(1) });
        await instance.WaitUntilReadyAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = instance.HttpAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);

        cluster.Server.Faults.RefuseWatches = true;
        cluster.Server.Faults.CloseAllWatches();

        await OperatorCluster.EventuallyAsync(async () => (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.ServiceUnavailable, "/healthz fails");
        var readyz = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyz.StatusCode);
        Assert.Contains("failed to list or watch", await readyz.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        cluster.Server.Faults.RefuseWatches = false;

        await OperatorCluster.EventuallyAsync(async () => (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "/healthz recovers");
        await OperatorCluster.EventuallyAsync(async () => (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, "/readyz recovers");
    }
}
