using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Reconciliation;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Runtime.Queue;
using CpaasX.Operator.Tests.Support;

using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging.Abstractions;

namespace CpaasX.Operator.Tests.Reconciliation;

/// <summary>Which namespaces informer events queue, with real informers on the embedded API server.</summary>
public sealed class NamespaceEnqueuerTests : IAsyncLifetime
{
    private readonly WorkQueue<string> _queue = new();
    private readonly CancellationTokenSource _stop = new();
    private OperatorCluster _cluster = null!;
    private Task _informers = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync();
        foreach (var @namespace in new[] { "alpha", "beta", "gamma" })
        {
            await _cluster.CreateNamespaceAsync(@namespace);
        }

        await _cluster.CreateAsync(Number("alpha", "line", "+12015550101"));
        await _cluster.CreateAsync(Number("gamma", "line", "+12015550199"));
        var informers = new ClusterInformers(new ApiHttp(_cluster.Client), [], NullLoggerFactory.Instance);
        _ = new NamespaceEnqueuer(_queue, informers, "cpaasx-routing", NamespaceEnqueuer.DefaultSettleDelay);
        _informers = informers.RunAsync(_stop.Token);
        await informers.WaitForSyncAsync(CancellationToken.None);
        Assert.Equal(["alpha", "gamma"], await DrainAsync(2));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _informers;
        _stop.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_value_declared_in_another_namespace_queues_that_namespace_too()
    {
        await _cluster.CreateAsync(Number("beta", "copy", "+12015550101"));

        Assert.Equal(["alpha", "beta"], await DrainAsync(2));
    }

    [Fact]
    public async Task A_changed_value_queues_the_declarers_of_the_old_and_the_new_value()
    {
        await _cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"number":{"number":"+12015550199"}}}""", V1Patch.PatchType.MergePatch),
            CustomResourceKinds.Group, CustomResourceKinds.Version, "alpha", "resources", "line");

        Assert.Equal(["alpha", "gamma"], await DrainAsync(2));
    }

    [Fact]
    public async Task An_update_that_keeps_the_value_queues_only_its_namespace()
    {
        await _cluster.CreateAsync(Number("beta", "copy", "+12015550101"));
        Assert.Equal(["alpha", "beta"], await DrainAsync(2));

        await _cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"metadata":{"labels":{"team":"payments"}}}""", V1Patch.PatchType.MergePatch),
            CustomResourceKinds.Group, CustomResourceKinds.Version, "alpha", "resources", "line");
        await _cluster.CreateAsync(Number("gamma", "other", "+12015550150"));

        // The watch delivers in order: once gamma's create is queued, alpha's update was handled too, without beta.
        Assert.Equal(["alpha", "gamma"], await DrainAsync(2));
    }

    [Fact]
    public async Task A_Resource_whose_deletion_starts_queues_the_other_declarers_of_its_value()
    {
        await _cluster.CreateAsync(Number("beta", "copy", "+12015550101"));
        Assert.Equal(["alpha", "beta"], await DrainAsync(2));
        await _cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"metadata":{"finalizers":["test.cpaasx.io/hold"]}}""", V1Patch.PatchType.MergePatch),
            CustomResourceKinds.Group, CustomResourceKinds.Version, "alpha", "resources", "line");
        Assert.Equal(["alpha"], await DrainAsync(1));

        // Held by its finalizer, the Resource stays, but a Resource being deleted declares nothing any more.
        await _cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(CustomResourceKinds.Group, CustomResourceKinds.Version, "alpha", "resources", "line");

        Assert.Equal(["alpha", "beta"], await DrainAsync(2));
    }

    private static Resource Number(string @namespace, string name, string number) =>
        OperatorCluster.Named(ValidObjects.NumberResource(ValidObjects.UsLongCode with { Number = number }), @namespace, name);

    /// <summary>Waits until <paramref name="count"/> namespaces are queued and takes them, sorted.</summary>
    private async Task<IReadOnlyList<string>> DrainAsync(int count)
    {
        await OperatorCluster.EventuallyAsync(() => Task.FromResult(_queue.Depth >= count), $"{count} namespaces queued");
        List<string> keys = [];
        while (_queue.Depth > 0)
        {
            var key = (await _queue.GetAsync(CancellationToken.None))!;
            keys.Add(key);
            _queue.Done(key);
        }

        return [.. keys.Order(StringComparer.Ordinal)];
    }
}
