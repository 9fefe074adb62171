using System.Text;

using CpaasX.ApiServer.Counters;
using CpaasX.ApiServer.Tests.Support;

using k8s;

namespace CpaasX.ApiServer.Tests.Client;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Records_each_request_with_its_token_group_resource_and_scope()
    {
        await using var scope = await ServerScope.StartAsync(new EmbeddedApiServerOptions { RecordRequests = true });
        using var other = ClientWithToken(scope.Server, "other-client");
        await scope.Create(ServerScope.Widget("w1", 1), "default");
        await other.CustomObjects.ListClusterCustomObjectAsync(TestData.Group, TestData.Version, TestData.Plural);
        await other.CoreV1.ListNamespacedConfigMapAsync("default");

        var recorded = scope.Server.RequestLog.Snapshot();

        Assert.Contains(new RecordedRequest(scope.Server.Token, "create", TestData.Group, TestData.Plural, null, "default", null), recorded);
        Assert.Contains(new RecordedRequest("other-client", "list", TestData.Group, TestData.Plural, null, null, null), recorded);
        Assert.Contains(new RecordedRequest("other-client", "list", "", "configmaps", null, "default", null), recorded);
    }

    [Fact]
    public async Task Records_nothing_unless_asked()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 1));

        Assert.False(scope.Server.RequestLog.IsRecording);
        Assert.Empty(scope.Server.RequestLog.Snapshot());
        Assert.Equal(1, scope.Server.Requests.Count("create", TestData.Plural));
    }

    private static Kubernetes ClientWithToken(EmbeddedApiServer server, string token)
    {
        using var kubeconfig = new MemoryStream(Encoding.UTF8.GetBytes(server.Kubeconfig()));
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig);
        configuration.AccessToken = token;
        return new Kubernetes(configuration);
    }
}
