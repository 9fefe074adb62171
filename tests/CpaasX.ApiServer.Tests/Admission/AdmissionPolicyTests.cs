using CpaasX.ApiServer.Identity;
using CpaasX.ApiServer.Tests.Support;

using k8s;
using k8s.Models;

namespace CpaasX.ApiServer.Tests.Admission;

/// <summary>
/// config/admission's ValidatingAdmissionPolicy, installed with kubectl and enforced by the server with the Cel
/// package: as the operator's identity, only labelled routing ConfigMaps (the index and its shards) may be written.
/// </summary>
public sealed class AdmissionPolicyTests : IAsyncLifetime
{
    private static readonly string Policy = Path.Combine(AppContext.BaseDirectory, "ProjectManifests", "admission");

    private ServerScope _scope = null!;
    private Testing.Kubectl _kubectl = null!;

    public async Task InitializeAsync()
    {
        _scope = await ServerScope.StartAsync(withWidgets: false);
        _kubectl = new Testing.Kubectl(_scope.Server);
        await _kubectl.Ok($"apply -k {Policy}");
        await _kubectl.Ok("create namespace shop");
    }

    public async Task DisposeAsync()
    {
        _kubectl.Dispose();
        await _scope.DisposeAsync();
    }

    [Theory]
    [InlineData("cpaasx-routing")]
    [InlineData("cpaasx-routing-3f2a9c1b-0")]
    public async Task The_operator_creates_updates_and_deletes_a_labelled_routing_ConfigMap(string name)
    {
        var manifest = $$$"""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: {{{name}}}, namespace: shop, labels: {app.kubernetes.io/managed-by: cpaasx-operator}}
            data: {routing.json: "{}"}
            """;
        await _kubectl.Ok($"--context {ApiIdentity.Operator.Name} apply -f -", manifest);
        await AsOperatorOk($"annotate configmap {name} -n shop cpaasx.io/hash=abc");
        await AsOperatorOk($"delete configmap {name} -n shop");
    }

    [Fact]
    public async Task A_labelled_routing_ConfigMap_created_by_the_operators_client_passes()
    {
        using var client = _scope.Server.CreateClient(ApiIdentity.Operator);

        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(RoutingConfigMap("cpaasx-routing"), "shop");
        created.Data = new Dictionary<string, string> { ["routing.json"] = "{\"v\":2}" };
        await client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "cpaasx-routing", "shop");
        await client.CoreV1.DeleteNamespacedConfigMapAsync("cpaasx-routing", "shop");

        Assert.Empty((await _scope.Client.CoreV1.ListNamespacedConfigMapAsync("shop")).Items);
    }

    [Theory]
    [InlineData("kube-system", "coredns")]
    [InlineData("shop", "cpaasx-routingx")]
    [InlineData("shop", "app-settings")]
    public async Task The_operator_may_not_create_a_ConfigMap_of_another_name(string @namespace, string name)
    {
        var refused = await AsOperator($"create configmap {name} -n {@namespace} --from-literal=a=b");
        using var client = _scope.Server.CreateClient(ApiIdentity.Operator);
        var (code, status) = await ServerScope.Failure(() => client.CoreV1.CreateNamespacedConfigMapAsync(RoutingConfigMap(name), @namespace));

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"configmaps \"{name}\" is forbidden: ValidatingAdmissionPolicy 'cpaasx-operator-configmap-writes' with binding 'cpaasx-operator-configmap-writes' denied request: the cpaasx operator writes only its routing ConfigMaps", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(403, code);
        Assert.Equal("Forbidden", status["reason"]!.ToString());
        Assert.DoesNotContain((await _scope.Client.CoreV1.ListNamespacedConfigMapAsync(@namespace)).Items, found => found.Metadata.Name == name);
    }

    [Fact]
    public async Task The_operator_may_not_create_an_unlabelled_routing_ConfigMap()
    {
        using var client = _scope.Server.CreateClient(ApiIdentity.Operator);

        var (code, status) = await ServerScope.Failure(() => client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cpaasx-routing" } }, "shop"));

        Assert.Equal(403, code);
        Assert.Contains("writes only ConfigMaps labelled app.kubernetes.io/managed-by=cpaasx-operator", status["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operator_may_not_take_over_update_or_delete_a_ConfigMap_it_does_not_manage()
    {
        await _kubectl.Ok("create configmap cpaasx-routing -n shop --from-literal=owner=someone-else");
        await _kubectl.Ok("create configmap settings -n kube-system --from-literal=a=b");
        await _kubectl.Ok("label configmap settings -n kube-system app.kubernetes.io/managed-by=cpaasx-operator");

        var takeover = await AsOperator("label configmap cpaasx-routing -n shop app.kubernetes.io/managed-by=cpaasx-operator");
        var delete = await AsOperator("delete configmap cpaasx-routing -n shop");
        var foreignDelete = await AsOperator("delete configmap settings -n kube-system");
        var foreignEdit = await AsOperator("annotate configmap settings -n kube-system x=y");

        Assert.Contains("does not take over or delete ConfigMaps it does not manage", takeover.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not take over or delete ConfigMaps it does not manage", delete.Stderr, StringComparison.Ordinal);
        Assert.Contains("writes only its routing ConfigMaps", foreignDelete.Stderr, StringComparison.Ordinal);
        Assert.Contains("writes only its routing ConfigMaps", foreignEdit.Stderr, StringComparison.Ordinal);
        Assert.Equal("someone-else", (await _kubectl.Ok("get configmap cpaasx-routing -n shop -o jsonpath={.data.owner}")).Stdout);
        Assert.Equal("", (await _kubectl.Ok("get configmap settings -n kube-system -o jsonpath={.metadata.annotations.x}")).Stdout);
    }

    [Fact]
    public async Task Other_users_are_not_restricted_by_the_policy()
    {
        await _kubectl.Ok("create configmap coredns -n kube-system --from-literal=a=b");
        await _kubectl.Ok("delete configmap coredns -n kube-system");
    }

    [Fact]
    public async Task Without_its_binding_the_policy_denies_nothing()
    {
        await _kubectl.Ok("delete validatingadmissionpolicybinding cpaasx-operator-configmap-writes");

        await AsOperatorOk("create configmap app-settings -n shop --from-literal=a=b");
    }

    private static V1ConfigMap RoutingConfigMap(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "cpaasx-operator" } },
    };

    private Task<Testing.KubectlResult> AsOperator(string arguments) => _kubectl.Run($"--context {ApiIdentity.Operator.Name} {arguments}");

    private Task<Testing.KubectlResult> AsOperatorOk(string arguments) => _kubectl.Ok($"--context {ApiIdentity.Operator.Name} {arguments}");
}
