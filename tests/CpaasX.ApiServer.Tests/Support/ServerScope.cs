using System.Text.Json;
using System.Text.Json.Nodes;

using k8s;
using k8s.Autorest;
using k8s.Models;

namespace CpaasX.ApiServer.Tests.Support;

/// <summary>A fresh server with the Widget CRD, a client, and short-hands for the widget calls the tests make.</summary>
internal sealed class ServerScope : IAsyncDisposable
{
    private ServerScope(EmbeddedApiServer server)
    {
        Server = server;
        Client = server.CreateClient();
        Http = server.CreateHttpClient();
    }

    public EmbeddedApiServer Server { get; }
    public Kubernetes Client { get; }
    public HttpClient Http { get; }

    public static async Task<ServerScope> StartAsync(EmbeddedApiServerOptions? options = null, bool withWidgets = true)
    {
        var scope = new ServerScope(await EmbeddedApiServer.StartAsync(options ?? new EmbeddedApiServerOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) }));
        if (withWidgets)
        {
            await scope.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestData.WidgetCrd());
        }

        return scope;
    }

    public static JsonObject Widget(string name, int size, JsonObject? labels = null) => new()
    {
        ["apiVersion"] = $"{TestData.Group}/{TestData.Version}",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels },
        ["spec"] = new JsonObject { ["size"] = size },
    };

    public async Task<JsonObject> Create(JsonObject widget, string ns = "default") =>
        Node(await Client.CustomObjects.CreateNamespacedCustomObjectAsync(widget, TestData.Group, TestData.Version, ns, TestData.Plural));

    public async Task<JsonObject> Get(string name, string ns = "default") =>
        Node(await Client.CustomObjects.GetNamespacedCustomObjectAsync(TestData.Group, TestData.Version, ns, TestData.Plural, name));

    public async Task<JsonObject> Replace(JsonObject widget, string ns = "default") =>
        Node(await Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(widget, TestData.Group, TestData.Version, ns, TestData.Plural, widget["metadata"]!["name"]!.ToString()));

    public async Task<JsonObject> ReplaceStatus(JsonObject widget, string ns = "default") =>
        Node(await Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(widget, TestData.Group, TestData.Version, ns, TestData.Plural, widget["metadata"]!["name"]!.ToString()));

    public async Task<JsonObject> Patch(string name, string mergePatch, string ns = "default") =>
        Node(await Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), TestData.Group, TestData.Version, ns, TestData.Plural, name));

    public async Task<JsonObject> PatchStatus(string name, string mergePatch, string ns = "default") =>
        Node(await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), TestData.Group, TestData.Version, ns, TestData.Plural, name));

    public async Task<JsonObject> Delete(string name, string ns = "default") =>
        Node(await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestData.Group, TestData.Version, ns, TestData.Plural, name));

    public async Task<JsonObject> List(string ns = "default", string? labelSelector = null, string? fieldSelector = null, int? limit = null, string? continueToken = null) =>
        Node(await Client.CustomObjects.ListNamespacedCustomObjectAsync(TestData.Group, TestData.Version, ns, TestData.Plural,
            labelSelector: labelSelector, fieldSelector: fieldSelector, limit: limit, continueParameter: continueToken));

    /// <summary>The Status body and code of a call that must fail.</summary>
    public static async Task<(int Code, JsonObject Status)> Failure(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(call);
        return ((int)error.Response.StatusCode, JsonNode.Parse(error.Response.Content)!.AsObject());
    }

    public static JsonObject Node(object response) => JsonNode.Parse(((JsonElement)response).GetRawText())!.AsObject();

    public static string ResourceVersion(JsonObject obj) => obj["metadata"]!["resourceVersion"]!.ToString();

    public static long Generation(JsonObject obj) => obj["metadata"]!["generation"]!.GetValue<long>();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
