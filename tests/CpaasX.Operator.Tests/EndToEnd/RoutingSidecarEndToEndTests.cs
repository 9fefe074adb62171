using System.Net;
using System.Text.Json.Nodes;

using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;
using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;
using CpaasX.Testing;

using k8s.Models;

namespace CpaasX.Operator.Tests.EndToEnd;

/// <summary>
/// The routing sidecar as a process over a directory laid out as the kubelet lays out the environments samples'
/// routing ConfigMap: an association removed with kubectl changes the ConfigMap, which is read back and written into
/// the directory as the kubelet would, and the sidecar's answer changes with it.
/// </summary>
[Trait(EndToEndTraits.Category, EndToEndTraits.EndToEnd)]
[Collection(EndToEndTraits.Collection)]
public sealed class RoutingSidecarEndToEndTests : IAsyncLifetime
{
    private const string Namespace = "shop";
    private const string Query = "/v1/outbound?application=checkout-dev&channel=SMS&to=%2B12015550000";
    private static readonly OutboundRequest Request = new("checkout-dev", null, Channel.Sms, "+12015550000");

    private readonly DirectoryInfo _mount = Directory.CreateTempSubdirectory("routing-mount-");
    private EndToEndCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await EndToEndCluster.StartAsync();

    public async Task DisposeAsync()
    {
        // On a shared cluster the next test expects the samples whole.
        await _cluster.ApplySamplesAsync("environments");
        await _cluster.DisposeAsync();
        _mount.Delete(recursive: true);
    }

    [Fact]
    public async Task The_sidecar_answers_from_the_mounted_ConfigMap_and_follows_an_association_removed_with_kubectl()
    {
        await _cluster.ApplySamplesAsync("environments");
        await _cluster.WaitAllReadyAsync(Namespace);
        await _cluster.WaitUntilPublishedAsync(Namespace, EndToEndCluster.CompiledHash("environments"));
        var kubelet = new KubeletAtomicWriter(_mount.FullName);
        var before = (await _cluster.RoutingConfigMapAsync(Namespace))!;
        kubelet.Write(Keys(before));
        await using var sidecar = await RoutingSidecarProcess.StartAsync(_mount.FullName);
        using var http = new HttpClient { BaseAddress = sidecar.Address };
        await Eventually.UntilAsync(async () => (await http.GetAsync("/readyz")).IsSuccessStatusCode, OperatorCluster.PatienceLimit, "the sidecar is ready");

        var first = await AnswerAsync(http);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("+12015550101", first.Answer["sender"]?.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(Expected(before), first.Answer));

        await _cluster.Kubectl.Ok($"delete resourceassociation dev-line-sms -n {Namespace}");
        var after = await ChangedConfigMapAsync(Hash(before));
        kubelet.Write(Keys(after));

        await Eventually.UntilAsync(
            async () => JsonNode.DeepEquals(Expected(after), (await AnswerAsync(http)).Answer),
            OperatorCluster.PatienceLimit,
            "the sidecar answers from the swapped-in table");
        var second = await AnswerAsync(http);
        Assert.NotEqual("+12015550101", second.Answer["sender"]?.GetValue<string>());
        Assert.Contains($"cpaasx_routing_table_info{{hash=\"{Hash(after)}\"}} 1", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Answer)> AnswerAsync(HttpClient http)
    {
        using var response = await http.GetAsync(Query);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    // What the routing library answers from the ConfigMap's table, as the sidecar must.
    private static JsonObject Expected(V1ConfigMap configMap) => ResolutionJson.Of(
        new RoutingResolver(RoutingTableJson.Deserialize(RoutingPayload.StoredTable(configMap.Data, configMap.BinaryData)!)).ResolveOutbound(Request));

    private static string Hash(V1ConfigMap configMap) => configMap.Metadata.Annotations[RoutingConfigMapPublisher.HashAnnotation];

    // The files the kubelet projects from a ConfigMap: each data key as UTF-8, each binaryData key as its bytes.
    private static Dictionary<string, byte[]> Keys(V1ConfigMap configMap) =>
        (configMap.Data ?? new Dictionary<string, string>()).Select(pair => KeyValuePair.Create(pair.Key, System.Text.Encoding.UTF8.GetBytes(pair.Value)))
            .Concat(configMap.BinaryData ?? new Dictionary<string, byte[]>())
            .ToDictionary();

    private async Task<V1ConfigMap> ChangedConfigMapAsync(string previousHash)
    {
        V1ConfigMap? changed = null;
        await OperatorCluster.EventuallyAsync(
            async () => (changed = await _cluster.RoutingConfigMapAsync(Namespace)) is { } read && Hash(read) != previousHash,
            "the routing ConfigMap changes after the association is removed");
        return changed!;
    }
}
