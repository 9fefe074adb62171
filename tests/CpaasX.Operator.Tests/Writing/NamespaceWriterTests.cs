using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Runtime.ReconcileLoop;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;

using Microsoft.Extensions.Logging.Abstractions;

namespace CpaasX.Operator.Tests.Writing;

public sealed class NamespaceWriterTests : IAsyncLifetime
{
    private const string Namespace = "shop";
    private OperatorCluster _cluster = null!;
    private NamespaceWriter _writer = null!;
    private OperatorMetrics _metrics = null!;

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync();
        await _cluster.CreateNamespaceAsync(Namespace);
        var metrics = _metrics = new OperatorMetrics();
        var events = new EventRecorder(_cluster.Client, "test", TimeProvider.System, NullLogger.Instance);
        _writer = new NamespaceWriter(
            new CustomObjectWriter(new ApiHttp(_cluster.Client), metrics, events),
            new RoutingConfigMapPublisher(_cluster.Client, "cpaasx-routing", metrics, events, NullLogger.Instance),
            events);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_compiled_namespace_gets_status_finalizer_and_ConfigMap()
    {
        var app = await CreateApplicationAsync("checkout");
        var compiled = Compiled(new CompiledObject(app, ReadyStatus(), KeepsFinalizer: true, []));

        Assert.Same(ReconcileResult.Done, await _writer.ApplyAsync(compiled, [], CancellationToken.None));

        var stored = (await _cluster.GetAsync<Application>(Namespace, "checkout"))!;
        Assert.True(StatusEquality.AreEqual(ReadyStatus(), stored.Status));
        Assert.Contains(InUseProtection.Finalizer, stored.Metadata.Finalizers);
        Assert.NotNull(await _cluster.GetConfigMapAsync(Namespace));
        Assert.Empty(await _cluster.EventsAsync(Namespace));
    }

    [Fact]
    public async Task Statuses_come_first_then_the_ConfigMap_then_the_finalizers()
    {
        var checkout = await CreateApplicationAsync("checkout");
        var billing = await CreateApplicationAsync("billing");

        await _writer.ApplyAsync(
            Compiled(new CompiledObject(checkout, ReadyStatus(), KeepsFinalizer: true, []), new CompiledObject(billing, ReadyStatus(), KeepsFinalizer: true, [])),
            [],
            CancellationToken.None);

        var writes = _cluster.Server.RequestLog.Snapshot()
            .Where(request => request.Verb is "update" or "patch" || (request.Verb == "create" && request.Resource == "configmaps"))
            .Select(request => request.Subresource is null ? $"{request.Verb} {request.Resource}" : $"{request.Verb} {request.Resource}/{request.Subresource}")
            .ToList();
        Assert.Equal(["update applications/status", "update applications/status", "create configmaps", "patch applications", "patch applications"], writes);
    }

    [Fact]
    public async Task Losing_and_regaining_Ready_record_a_Warning_and_a_Normal_event()
    {
        var app = await CreateApplicationAsync("checkout");
        await _writer.ApplyAsync(Compiled(new CompiledObject(app, ReadyStatus(), null, [])), [], CancellationToken.None);
        var ready = (await _cluster.GetAsync<Application>(Namespace, "checkout"))!;
        await _writer.ApplyAsync(Compiled(new CompiledObject(ready, NotReadyStatus(), null, [])), await _cluster.ManagedConfigMapsAsync(Namespace), CancellationToken.None);
        var notReady = (await _cluster.GetAsync<Application>(Namespace, "checkout"))!;

        await _writer.ApplyAsync(Compiled(new CompiledObject(notReady, ReadyStatus(), null, [])), await _cluster.ManagedConfigMapsAsync(Namespace), CancellationToken.None);

        var recorded = (await _cluster.EventsAsync(Namespace)).OrderBy(item => item.Metadata.CreationTimestamp).ThenBy(item => item.Type == "Normal").ToList();
        Assert.Equal([("Warning", ConditionReasons.Invalid), ("Normal", "Ready")], recorded.Select(item => (item.Type, item.Reason)));
        Assert.All(recorded, item => Assert.Equal(("Application", "checkout", "cpaasx-operator"), (item.InvolvedObject.Kind, item.InvolvedObject.Name, item.Source.Component)));
    }

    [Fact]
    public async Task Applying_what_is_already_there_writes_nothing_and_records_no_event()
    {
        var app = await CreateApplicationAsync("checkout");
        await _writer.ApplyAsync(Compiled(new CompiledObject(app, ReadyStatus(), true, [])), [], CancellationToken.None);
        var observed = (await _cluster.GetAsync<Application>(Namespace, "checkout"))!;
        var configMap = await _cluster.ManagedConfigMapsAsync(Namespace);
        var writes = _cluster.Server.Requests.WriteSnapshot();

        Assert.Same(ReconcileResult.Done, await _writer.ApplyAsync(Compiled(new CompiledObject(observed, ReadyStatus(), true, [])), configMap, CancellationToken.None));

        Assert.Equal(writes, _cluster.Server.Requests.WriteSnapshot());
    }

    [Fact]
    public async Task A_conflict_requeues_after_the_other_objects_and_the_ConfigMap_were_written()
    {
        var stale = await CreateApplicationAsync("checkout");
        var other = await CreateApplicationAsync("billing");
        await _writer.ApplyAsync(Compiled(new CompiledObject(stale, ReadyStatus(), null, [])), [], CancellationToken.None);
        var configMap = await _cluster.ManagedConfigMapsAsync(Namespace);

        var result = await _writer.ApplyAsync(
            Compiled(new CompiledObject(stale, NotReadyStatus(), null, []), new CompiledObject(other, ReadyStatus(), null, [])),
            configMap,
            CancellationToken.None);

        Assert.Same(ReconcileResult.Requeue, result);
        Assert.True(StatusEquality.AreEqual(ReadyStatus(), (await _cluster.GetAsync<Application>(Namespace, "billing"))!.Status));
        Assert.True(StatusEquality.AreEqual(ReadyStatus(), (await _cluster.GetAsync<Application>(Namespace, "checkout"))!.Status));

        // No event for the transition that did not land.
        Assert.DoesNotContain(await _cluster.EventsAsync(Namespace), recorded => recorded.Type == "Warning");
    }

    [Fact]
    public async Task A_refused_status_is_reported_on_its_object_and_the_other_statuses_the_ConfigMap_and_the_finalizers_are_written()
    {
        var refused = await CreateApplicationAsync("checkout");
        var other = await CreateApplicationAsync("billing");
        _cluster.Server.Faults.FailNextWrites("applications/status", 1, 422);

        var result = await _writer.ApplyAsync(
            Compiled(new CompiledObject(refused, ReadyStatus(), KeepsFinalizer: true, []), new CompiledObject(other, ReadyStatus(), KeepsFinalizer: true, [])),
            [],
            CancellationToken.None);

        Assert.Same(ReconcileResult.Done, result);
        var stored = new[] { (await _cluster.GetAsync<Application>(Namespace, "checkout"))!, (await _cluster.GetAsync<Application>(Namespace, "billing"))! };
        Assert.Single(stored, app => app.Status is null);
        Assert.Single(stored, app => StatusEquality.AreEqual(ReadyStatus(), app.Status));
        Assert.All(stored, app => Assert.Contains(InUseProtection.Finalizer, app.Metadata.Finalizers));
        Assert.NotNull(await _cluster.GetConfigMapAsync(Namespace));
        var warning = Assert.Single(await _cluster.EventsAsync(Namespace), recorded => recorded.Reason == CustomObjectWriter.WriteRefusedReason);
        Assert.Equal(stored.Single(app => app.Status is null).Metadata.Name, warning.InvolvedObject.Name);
        Assert.Contains("injected fault", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, _metrics.WritesRefused.WithLabels(WriteKinds.Status).Value);
    }

    [Fact]
    public async Task An_empty_namespace_loses_its_ConfigMap()
    {
        var app = await CreateApplicationAsync("checkout");
        await _writer.ApplyAsync(Compiled(new CompiledObject(app, ReadyStatus(), null, [])), [], CancellationToken.None);

        Assert.Same(ReconcileResult.Done, await _writer.RemoveAsync(Namespace, await _cluster.ManagedConfigMapsAsync(Namespace), CancellationToken.None));

        Assert.Null(await _cluster.GetConfigMapAsync(Namespace));
    }

    [Fact]
    public async Task Objects_of_a_table_that_cannot_be_published_say_RoutingNotPublished_and_the_cause_is_an_event()
    {
        var app = await CreateApplicationAsync("checkout");
        var events = new EventRecorder(_cluster.Client, "test", TimeProvider.System, NullLogger.Instance);
        var metrics = new OperatorMetrics();
        var writer = new NamespaceWriter(
            new CustomObjectWriter(new ApiHttp(_cluster.Client), metrics),
            new RoutingConfigMapPublisher(_cluster.Client, "cpaasx-routing", metrics, events, NullLogger.Instance, maxShards: 1),
            events);

        await writer.ApplyAsync(new CompileResult(Namespace, [new CompiledObject(app, ReadyStatus(), null, [])], TestTables.Incompressible(Namespace)), [], CancellationToken.None);

        var ready = (await _cluster.GetAsync<Application>(Namespace, "checkout"))!.Status!.FindReady()!;
        Assert.Equal((ConditionStatuses.False, ConditionReasons.RoutingNotPublished), (ready.Status, ready.Reason));
        Assert.Contains("exceeds 1 shards", ready.Message, StringComparison.Ordinal);
        Assert.Null(await _cluster.GetConfigMapAsync(Namespace));
        var cause = Assert.Single(await _cluster.EventsAsync(Namespace));
        Assert.Equal(("Warning", RoutingConfigMapPublisher.TooLargeReason, "ConfigMap"), (cause.Type, cause.Reason, cause.InvolvedObject.Kind));
    }

    private static ApplicationStatus ReadyStatus() => TestStatuses.Application(ConditionStatuses.True, ConditionReasons.Resolved, TestStatuses.Earlier);

    private static ApplicationStatus NotReadyStatus() => TestStatuses.Application(ConditionStatuses.False, ConditionReasons.Invalid, TestStatuses.Later);

    private static CompileResult Compiled(params CompiledObject[] objects) =>
        new(Namespace, objects, TestTables.WithApplications(Namespace, [.. objects.Select(compiled => compiled.Object.Metadata.Name)]));

    private Task<Application> CreateApplicationAsync(string name) =>
        _cluster.CreateAsync(OperatorCluster.Named(new Application(), Namespace, name));
}
