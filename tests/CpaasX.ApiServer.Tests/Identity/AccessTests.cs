using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Identity;
using CpaasX.ApiServer.Tests.Support;

using k8s;
using k8s.Models;

namespace CpaasX.ApiServer.Tests.Identity;

/// <summary>Who may call the server, from where, and with what body: tokens, identities, Host headers, Content-Types.</summary>
public sealed class AccessTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer embedded-api-server")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    public async Task A_request_without_a_known_token_is_401_Unauthorized_as_a_real_server_answers(string? authorization)
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var http = scope.Server.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = authorization is null ? null : AuthenticationHeaderValue.Parse(authorization);

        using var response = await http.GetAsync(ConfigMaps);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Status", status["kind"]!.ToString());
        Assert.Equal("Unauthorized", status["reason"]!.ToString());
        Assert.Equal(401, status["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Each_start_draws_new_tokens_and_each_identity_has_its_own()
    {
        await using var first = await ServerScope.StartAsync(withWidgets: false);
        await using var second = await ServerScope.StartAsync(withWidgets: false);

        var tokens = first.Server.Identities.Select(first.Server.TokenOf).Concat(second.Server.Identities.Select(second.Server.TokenOf)).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, token => Assert.True(token.Length >= 40, token));
        using var stale = second.Server.CreateHttpClient();
        stale.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first.Server.TokenOf(ApiIdentity.Admin));
        using var refused = await stale.GetAsync(ConfigMaps);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_viewer_reads_and_every_write_is_403_Forbidden_naming_the_user_verb_and_resource()
    {
        await using var scope = await ServerScope.StartAsync();
        await scope.Create(ServerScope.Widget("w1", 1));
        using var viewer = scope.Server.CreateClient(ApiIdentity.Viewer);

        var widgets = ServerScope.Node(await viewer.CustomObjects.ListNamespacedCustomObjectAsync(TestData.Group, TestData.Version, "default", TestData.Plural));
        var (code, status) = await ServerScope.Failure(() => viewer.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c1" } }, "default"));
        var (deleteCode, deleteStatus) = await ServerScope.Failure(() => viewer.CustomObjects.DeleteNamespacedCustomObjectAsync(TestData.Group, TestData.Version, "default", TestData.Plural, "w1"));

        Assert.Single(widgets["items"]!.AsArray());
        Assert.Equal(403, code);
        Assert.Equal("Forbidden", status["reason"]!.ToString());
        Assert.Equal("configmaps is forbidden: User \"cpaasx-embedded-viewer\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"default\"", status["message"]!.ToString());
        Assert.Equal(403, deleteCode);
        Assert.Contains($"widgets.{TestData.Group} \"w1\" is forbidden: User \"cpaasx-embedded-viewer\" cannot delete", deleteStatus["message"]!.ToString(), StringComparison.Ordinal);
        Assert.Single((await scope.List())["items"]!.AsArray());
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:443")]
    [InlineData("10.0.0.1")]
    public async Task A_Host_header_that_is_not_loopback_is_refused(string host)
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, ConfigMaps);
        request.Headers.Host = host;

        using var response = await scope.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a loopback address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task Loopback_Host_headers_are_answered(string host)
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, ConfigMaps);
        request.Headers.Host = $"{host}:{scope.Server.BaseUrl.Port}";

        using var response = await scope.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_write_without_a_JSON_or_patch_Content_Type_is_415_and_writes_nothing(string? contentType)
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"metadata":{"name":"c1"}}"""));
        body.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);

        using var response = await scope.Http.PostAsync(ConfigMaps, body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("the body of the request was in an unknown format", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await scope.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items);
    }

    [Fact]
    public async Task A_patch_without_a_Content_Type_is_415()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        await scope.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c1" } }, "default");
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{ConfigMaps}/c1") { Content = new ByteArrayContent("""{"data":{"a":"b"}}"""u8.ToArray()) };

        using var response = await scope.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Null((await scope.Client.CoreV1.ReadNamespacedConfigMapAsync("c1", "default")).Data);
    }

    [Fact]
    public async Task The_admin_endpoint_needs_a_token_and_a_read_write_identity()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        using var anonymous = scope.Server.CreateHttpClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        using var viewer = scope.Server.CreateHttpClient(ApiIdentity.Viewer);

        using var unauthenticated = await anonymous.PostAsync("/_admin/faults/close-watches", null);
        using var forbidden = await viewer.PostAsync("/_admin/faults/close-watches", null);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task The_kubeconfig_has_a_context_per_identity_and_trusts_only_this_server()
    {
        await using var scope = await ServerScope.StartAsync(withWidgets: false);
        await using var other = await ServerScope.StartAsync(withWidgets: false);

        var kubeconfig = scope.Server.Kubeconfig();
        var configuration = scope.Server.ClientConfiguration(ApiIdentity.Operator);
        configuration.Host = other.Server.BaseUrl.ToString();
        using var misdirected = new Kubernetes(configuration);

        Assert.StartsWith("https://127.0.0.1:", scope.Server.BaseUrl.ToString(), StringComparison.Ordinal);
        Assert.All(ApiIdentity.Defaults, identity => Assert.Contains($"- name: {identity.Name}\n  context:", kubeconfig, StringComparison.Ordinal));
        Assert.Contains("current-context: cpaasx-embedded\n", kubeconfig, StringComparison.Ordinal);
        // The other server's certificate is not the one this kubeconfig trusts.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => misdirected.CoreV1.ListNamespaceAsync());
    }
}
