using CpaasX.ApiServer.Counters;
using CpaasX.ApiServer.Identity;
using CpaasX.ApiServer.Tests.Support;

using k8s;

namespace CpaasX.ApiServer.Tests.Counters;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Records_each_request_with_its_user_group_resource_and_scope()
    {
        await using var scope = await ServerScope.StartAsync(new EmbeddedApiServerOptions { RecordRequests = true });
        using var other = scope.Server.CreateClient(ApiIdentity.Viewer);
        await scope.Create(ServerScope.Widget("w1", 1), "default");
        await other.CustomObjects.ListClusterCustomObjectAsync(TestData.Group, TestData.Version, TestData.Plural);
        await other.CoreV1.ListNamespacedConfigMapAsync("default");

        var recorded = scope.Server.RequestLog.Snapshot();

        Assert.Contains(new RecordedRequest(ApiIdentity.Admin.UserName, "create", TestData.Group, TestData.Plural, null, "default", null), recorded);
        Assert.Contains(new RecordedRequest(ApiIdentity.Viewer.UserName, "list", TestData.Group, TestData.Plural, null, null, null), recorded);
        Assert.Contains(new RecordedRequest(ApiIdentity.Viewer.UserName, "list", "", "configmaps", null, "default", null), recorded);
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
}
