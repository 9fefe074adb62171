using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Tests.EndToEnd;

/// <summary>The whole operator against the embedded API server: the inbound samples applied through the API become Ready and routed.</summary>
[Trait(EndToEndTraits.Category, EndToEndTraits.Faults)] // needs the embedded server: in-process operators, request counters
public sealed class InboundSampleEndToEndTests : IAsyncLifetime
{
    private const string Set = "inbound";
    private const string Namespace = "helpdesk";

    private IReadOnlyList<ICustomResource> _objects = [];
    private OperatorCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync();
        _objects = await EmbeddedSamples.ApplyAsync(_cluster, Set);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task The_inbound_samples_become_Ready_and_their_routing_ConfigMap_resolves_known_cases()
    {
        await _cluster.StartOperatorAsync();

        await WaitUntilRoutedAsync();
        var configMap = (await _cluster.GetConfigMapAsync(Namespace))!;
        var stored = RoutingPayload.StoredTable(configMap.Data, configMap.BinaryData);
        Assert.NotNull(stored);
        var table = RoutingTableJson.Deserialize(stored);
        var resolver = new RoutingResolver(table);

        Assert.Equal(
            new RouteTarget("billing", "retail", "InboundConfiguration/support-line-billing"),
            resolver.ResolveInbound(new InboundRequest("+13125550121", Channel.Sms, "BILLING please")).Route);
        Assert.Equal(
            new RouteTarget("support-bot", null, "ResourceAssociation/support-line-voice"),
            resolver.ResolveInbound(new InboundRequest("+13125550121", Channel.Voice)).Route);
        Assert.Equal(RoutingTableJson.ContentHash(RoutingTableJson.Serialize(table)), configMap.Metadata.Annotations[RoutingConfigMapPublisher.HashAnnotation]);
        Assert.DoesNotContain(await _cluster.EventsAsync(Namespace), recorded => recorded.Type == "Warning");
    }

    [Fact]
    public async Task A_restart_with_nothing_changed_writes_nothing()
    {
        var first = await _cluster.StartOperatorAsync();
        await WaitUntilRoutedAsync();
        await first.StopAsync();
        var writesBefore = Writes();

        var second = await _cluster.StartOperatorAsync();
        await second.WaitUntilReadyAsync(CancellationToken.None);
        await OperatorCluster.EventuallyAsync(
            () => Task.FromResult(second.Metrics.Controllers.ReconcileTotal.WithLabels("namespace", ControllerRuntimeMetrics.Success).Value >= 1),
            "the restarted operator reconciled the namespace (the samples hold one)");

        Assert.Equal(writesBefore, Writes());
        Assert.Equal(_objects.Count, second.Metrics.WritesSkipped.WithLabels(WriteKinds.Status).Value);
    }

    private Task WaitUntilRoutedAsync() => EmbeddedSamples.WaitUntilRoutedAsync(_cluster, Set, _objects);

    private IReadOnlyDictionary<string, long> Writes() => _cluster.Server.Requests.WriteSnapshot();
}
