using CpaasX.ApiServer.Tests.Support;

using k8s;
using k8s.Models;

namespace CpaasX.ApiServer.Tests.Watch;

/// <summary>A watcher that does not read is closed once it falls its buffer behind, so the server's memory stays bounded.</summary>
public sealed class SlowWatcherTests
{
    private const int Buffer = 5;
    private const int Writes = 100;

    [Fact]
    public async Task A_watcher_too_slow_to_keep_up_is_closed_and_the_others_get_every_event()
    {
        await using var scope = await ServerScope.StartAsync(new EmbeddedApiServerOptions { WatcherBufferSize = Buffer }, withWidgets: false);
        var from = (await scope.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        await using var stalled = await RawWatch.Open(scope.Http, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={from}");
        await using var keepingUp = await RawWatch.Open(scope.Http, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={from}");
        var keptUp = 0;

        // 256 KiB each: far more than the connection's buffers hold, so the stalled watcher's queue must grow.
        var payload = new string('x', 256 * 1024);
        for (var i = 0; i < Writes; i++)
        {
            await scope.Client.CoreV1.CreateNamespacedConfigMapAsync(
                new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"c{i}" }, Data = new Dictionary<string, string> { ["payload"] = payload } }, "default");
            Assert.NotNull(await keepingUp.Next());
            keptUp++;
        }

        var delivered = 0;
        while (await stalled.Next() is not null)
        {
            delivered++;
        }

        Assert.Equal(Writes, keptUp);
        Assert.InRange(delivered, 1, Writes - Buffer);
    }
}
