using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.Writing;

public sealed class CustomObjectWriterTests : IAsyncLifetime
{
    private const string Namespace = "shop";
    private readonly OperatorMetrics _metrics = new();
    private OperatorCluster _cluster = null!;

    private CustomObjectWriter Writer => new(new ApiHttp(_cluster.Client), _metrics);

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync();
        await _cluster.CreateNamespaceAsync(Namespace);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_differing_status_is_written_through_the_status_subresource()
    {
        var app = await CreateApplicationAsync();
        var desired = TestStatuses.Application(ConditionStatuses.True, ConditionReasons.Resolved, TestStatuses.Earlier);

        var (outcome, resourceVersion) = await Writer.WriteStatusAsync(new CompiledObject(app, desired, null, []), CancellationToken.None);

        Assert.Equal(WriteOutcome.Written, outcome);
        var stored = await _cluster.GetAsync<Application>(Namespace, "checkout");
        Assert.True(StatusEquality.AreEqual(desired, stored!.Status));
        Assert.Equal(stored.Metadata.ResourceVersion, resourceVersion);
        Assert.Equal(1, _cluster.Server.Requests.Writes("applications/status"));
        Assert.Equal(1, _cluster.Server.Requests.Writes("applications")); // the create only
    }

    [Fact]
    public async Task A_status_write_leaves_spec_and_finalizers_as_stored()
    {
        var app = await CreateApplicationAsync(finalizers: ["example.com/other"]);
        var desired = TestStatuses.Application(ConditionStatuses.True, ConditionReasons.Resolved, TestStatuses.Earlier);

        await Writer.WriteStatusAsync(new CompiledObject(app, desired, null, []), CancellationToken.None);

        var stored = (await _cluster.GetAsync<Application>(Namespace, "checkout"))!;
        Assert.Equal("checkout", stored.Spec.ApplicationId);
        Assert.Equal(["example.com/other"], stored.Metadata.Finalizers);
        Assert.Equal(app.Metadata.Uid, stored.Metadata.Uid);
        Assert.True(StatusEquality.AreEqual(desired, stored.Status));
    }

    [Fact]
    public async Task A_status_equal_to_the_observed_one_is_not_written()
    {
        var app = await CreateApplicationAsync();
        await Writer.WriteStatusAsync(
            new CompiledObject(app, TestStatuses.Application(ConditionStatuses.True, ConditionReasons.Resolved, TestStatuses.Earlier), null, []),
            CancellationToken.None);
        var observed = await _cluster.GetAsync<Application>(Namespace, "checkout");

        // A new but equal status: the comparison is structural, not by reference.
        var (outcome, _) = await Writer.WriteStatusAsync(
            new CompiledObject(observed!, TestStatuses.Application(ConditionStatuses.True, ConditionReasons.Resolved, TestStatuses.Earlier), null, []),
            CancellationToken.None);

        Assert.Equal(WriteOutcome.Unchanged, outcome);
        Assert.Equal(1, _cluster.Server.Requests.Writes("applications/status"));
        Assert.Equal(1, _metrics.WritesSkipped.WithLabels(WriteKinds.Status).Value);
    }

    [Fact]
    public async Task A_status_computed_from_a_stale_object_is_a_conflict()
    {
        var stale = await CreateApplicationAsync();
        await _cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"metadata":{"labels":{"team":"payments"}}}""", V1Patch.PatchType.MergePatch),
            CustomResourceKinds.Group, CustomResourceKinds.Version, Namespace, "applications", "checkout");

        var (outcome, _) = await Writer.WriteStatusAsync(
            new CompiledObject(stale, TestStatuses.Application(ConditionStatuses.True, ConditionReasons.Resolved, TestStatuses.Earlier), null, []),
            CancellationToken.None);

        Assert.Equal(WriteOutcome.Conflict, outcome);
        Assert.Null((await _cluster.GetAsync<Application>(Namespace, "checkout"))!.Status);
    }

    [Fact]
    public async Task A_status_for_an_object_deleted_meanwhile_is_skipped()
    {
        var app = await CreateApplicationAsync();
        await _cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(CustomResourceKinds.Group, CustomResourceKinds.Version, Namespace, "applications", "checkout");

        var (outcome, _) = await Writer.WriteStatusAsync(
            new CompiledObject(app, TestStatuses.Application(ConditionStatuses.True, ConditionReasons.Resolved, TestStatuses.Earlier), null, []),
            CancellationToken.None);

        Assert.Equal(WriteOutcome.Gone, outcome);
    }

    [Fact]
    public async Task The_finalizer_is_added_when_kept_and_missing_and_only_once()
    {
        var app = await CreateApplicationAsync(finalizers: ["example.com/other"]);

        Assert.Equal(WriteOutcome.Written, await Writer.WriteFinalizerAsync(app, app.Metadata.ResourceVersion, keepsFinalizer: true, CancellationToken.None));
        var stored = await _cluster.GetAsync<Application>(Namespace, "checkout");
        Assert.Equal(["example.com/other", InUseProtection.Finalizer], stored!.Metadata.Finalizers);

        Assert.Equal(WriteOutcome.Unchanged, await Writer.WriteFinalizerAsync(stored, stored.Metadata.ResourceVersion, keepsFinalizer: true, CancellationToken.None));
        Assert.Equal(2, _cluster.Server.Requests.Writes("applications")); // the create and one patch
    }

    [Fact]
    public async Task A_finalizer_is_not_written_over_a_change_made_after_the_status_write()
    {
        var app = await CreateApplicationAsync();
        var (_, afterStatus) = await Writer.WriteStatusAsync(
            new CompiledObject(app, TestStatuses.Application(ConditionStatuses.True, ConditionReasons.Resolved, TestStatuses.Earlier), true, []),
            CancellationToken.None);
        await _cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"metadata":{"finalizers":["example.com/other"]}}""", V1Patch.PatchType.MergePatch),
            CustomResourceKinds.Group, CustomResourceKinds.Version, Namespace, "applications", "checkout");

        Assert.Equal(WriteOutcome.Conflict, await Writer.WriteFinalizerAsync(app, afterStatus, keepsFinalizer: true, CancellationToken.None));

        Assert.Equal(["example.com/other"], (await _cluster.GetAsync<Application>(Namespace, "checkout"))!.Metadata.Finalizers);
    }

    [Fact]
    public async Task Removing_the_finalizer_of_a_deleting_object_lets_it_go()
    {
        await CreateApplicationAsync(finalizers: [InUseProtection.Finalizer]);
        await _cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(CustomResourceKinds.Group, CustomResourceKinds.Version, Namespace, "applications", "checkout");
        var deleting = await _cluster.GetAsync<Application>(Namespace, "checkout");
        Assert.NotNull(deleting!.Metadata.DeletionTimestamp);

        Assert.Equal(WriteOutcome.Written, await Writer.WriteFinalizerAsync(deleting, deleting.Metadata.ResourceVersion, keepsFinalizer: false, CancellationToken.None));

        Assert.Null(await _cluster.GetAsync<Application>(Namespace, "checkout"));
    }

    [Fact]
    public async Task Kinds_without_protection_keep_their_finalizers_untouched()
    {
        var app = await CreateApplicationAsync(finalizers: [InUseProtection.Finalizer]);

        Assert.Equal(WriteOutcome.Unchanged, await Writer.WriteFinalizerAsync(app, app.Metadata.ResourceVersion, keepsFinalizer: null, CancellationToken.None));
        Assert.Equal(WriteOutcome.Unchanged, await Writer.WriteFinalizerAsync(app, app.Metadata.ResourceVersion, keepsFinalizer: true, CancellationToken.None));
        Assert.Equal(1, _cluster.Server.Requests.Writes("applications")); // the create only
    }

    private Task<Application> CreateApplicationAsync(IList<string>? finalizers = null)
    {
        var app = OperatorCluster.Named(new Application { Spec = new ApplicationSpec { ApplicationId = "checkout" } }, Namespace, "checkout");
        app.Metadata.Finalizers = finalizers;
        return _cluster.CreateAsync(app);
    }
}
