using System.Net;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Admission;
using CpaasX.ApiServer.Counters;
using CpaasX.ApiServer.Faults;
using CpaasX.ApiServer.Handlers;
using CpaasX.ApiServer.Http;
using CpaasX.ApiServer.Resources;
using CpaasX.ApiServer.Storage;
using CpaasX.ApiServer.Watch;

using k8s;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CpaasX.ApiServer;

/// <summary>
/// A development and test server that speaks the Kubernetes API (HTTP/JSON, watch streams) for the kinds this operator
/// uses, in memory on 127.0.0.1. It is not Kubernetes: no scheduling, no garbage collector, no RBAC, no server-side apply.
/// </summary>
public sealed class EmbeddedApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CelRuleEvaluator _cel;

    private EmbeddedApiServer(WebApplication app, FaultInjection faults, RequestCounters requests, RequestLog requestLog, CelRuleEvaluator cel)
    {
        _app = app;
        Faults = faults;
        Requests = requests;
        RequestLog = requestLog;
        _cel = cel;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Where clients reach it, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; }

    public FaultInjection Faults { get; }

    public RequestCounters Requests { get; }

    /// <summary>Each request with its client, group and namespace; empty unless <see cref="EmbeddedApiServerOptions.RecordRequests"/>.</summary>
    public RequestLog RequestLog { get; }

    /// <summary>x-kubernetes-validations rules this server could not evaluate, with why; such rules are skipped with a warning.</summary>
    public IReadOnlyDictionary<string, string> UnsupportedRules => _cel.UnsupportedRules;

    /// <summary>The bearer token written into kubeconfigs.</summary>
    public string Token { get; private init; } = "";

    public static async Task<EmbeddedApiServer> StartAsync(EmbeddedApiServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmbeddedApiServerOptions();
        var registry = new ResourceRegistry();
        var store = new ObjectStore(new WatchHub(options.EventWindow));
        var cel = new CelRuleEvaluator();
        var faults = new FaultInjection(store);
        var lifecycle = new ObjectLifecycle(store, registry, new SchemaAdmission(cel), faults, TimeProvider.System);
        var requests = new RequestCounters();
        var requestLog = new RequestLog(options.RecordRequests);
        foreach (var ns in options.InitialNamespaces)
        {
            lifecycle.Create(BuiltInResources.Namespaces, "", new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, strict: false);
        }

        var router = new RequestRouter(
            registry,
            new DiscoveryHandler(registry),
            new OpenApiHandler(registry),
            new ObjectHandler(store, lifecycle),
            new WatchHandler(store, faults, options.BookmarkInterval),
            new AdminHandler(faults, requests),
            faults,
            requests,
            requestLog);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        app.Run(router.Handle);
        await app.StartAsync(cancellationToken);
        return new EmbeddedApiServer(app, faults, requests, requestLog, cel) { Token = options.Token };
    }

    /// <summary>The kubeconfig text for this server (kubectl and KubernetesClient accept it).</summary>
    public string Kubeconfig() => KubeconfigWriter.Render(BaseUrl.ToString().TrimEnd('/'), Token);

    public void WriteKubeconfig(string path) => File.WriteAllText(path, Kubeconfig());

    /// <summary>A KubernetesClient for this server; the caller disposes it.</summary>
    public Kubernetes CreateClient()
    {
        using var kubeconfig = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Kubeconfig()));
        return new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
    }

    public async ValueTask DisposeAsync()
    {
        Faults.CloseAllWatches();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
