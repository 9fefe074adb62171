using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Admission;
using CpaasX.ApiServer.Counters;
using CpaasX.ApiServer.Faults;
using CpaasX.ApiServer.Handlers;
using CpaasX.ApiServer.Http;
using CpaasX.ApiServer.Identity;
using CpaasX.ApiServer.Resources;
using CpaasX.ApiServer.Storage;
using CpaasX.ApiServer.Watch;

using k8s;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CpaasX.ApiServer;

/// <summary>
/// A development and test server that speaks the Kubernetes API (HTTP/JSON, watch streams) for the kinds this operator
/// uses, in memory on 127.0.0.1. It is not Kubernetes: no scheduling, no garbage collector, no RBAC rules (only
/// read-write and read-only identities), no server-side apply.
/// </summary>
public sealed class EmbeddedApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CelRuleEvaluator _cel;
    private readonly Authenticator _authenticator;
    private readonly X509Certificate2 _certificate;

    private EmbeddedApiServer(WebApplication app, FaultInjection faults, RequestCounters requests, RequestLog requestLog, CelRuleEvaluator cel, Authenticator authenticator, X509Certificate2 certificate)
    {
        _app = app;
        _authenticator = authenticator;
        _certificate = certificate;
        Faults = faults;
        Requests = requests;
        RequestLog = requestLog;
        _cel = cel;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Where clients reach it, e.g. https://127.0.0.1:41234/ (TLS with a certificate made at start; see <see cref="Kubeconfig"/>).</summary>
    public Uri BaseUrl { get; }

    public FaultInjection Faults { get; }

    public RequestCounters Requests { get; }

    /// <summary>Each request with its client, group and namespace; empty unless <see cref="EmbeddedApiServerOptions.RecordRequests"/>.</summary>
    public RequestLog RequestLog { get; }

    /// <summary>x-kubernetes-validations rules this server could not evaluate, with why; such rules are skipped with a warning.</summary>
    public IReadOnlyDictionary<string, string> UnsupportedRules => _cel.UnsupportedRules;

    /// <summary>Who may call this server; each has a kubeconfig user and context of its name.</summary>
    public IReadOnlyList<ApiIdentity> Identities => _authenticator.Identities;

    /// <summary>The bearer token <paramref name="identity"/> presents, drawn at random when this server started.</summary>
    public string TokenOf(ApiIdentity identity) => _authenticator.TokenOf(identity);

    public static async Task<EmbeddedApiServer> StartAsync(EmbeddedApiServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmbeddedApiServerOptions();
        var registry = new ResourceRegistry();
        var store = new ObjectStore(new WatchHub(options.EventWindow, options.WatcherBufferSize));
        var cel = new CelRuleEvaluator();
        var faults = new FaultInjection(store);
        var lifecycle = new ObjectLifecycle(store, registry, new SchemaAdmission(cel), faults, TimeProvider.System);
        var requests = new RequestCounters();
        var requestLog = new RequestLog(options.RecordRequests);
        var authenticator = new Authenticator(options.Identities);
        foreach (var ns in options.InitialNamespaces)
        {
            lifecycle.Create(BuiltInResources.Namespaces, "", new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, strict: false);
        }

        var router = new RequestRouter(
            registry,
            new DiscoveryHandler(registry),
            new OpenApiHandler(registry),
            new ObjectHandler(store, lifecycle, new PolicyAdmission(store)),
            new WatchHandler(store, faults, options.BookmarkInterval),
            new AdminHandler(faults, requests),
            new ReviewHandler(authenticator),
            faults,
            requests,
            requestLog,
            authenticator);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = ServerCertificate.Create();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
        {
            // HTTP/1.1 only, as before TLS: one stream per watch, the form every client here is tested with.
            listen.Protocols = HttpProtocols.Http1;
            listen.UseHttps(certificate);
        }));
        var app = builder.Build();
        app.Run(router.Handle);
        await app.StartAsync(cancellationToken);
        return new EmbeddedApiServer(app, faults, requests, requestLog, cel, authenticator, certificate);
    }

    /// <summary>
    /// The kubeconfig text for this server (kubectl and KubernetesClient accept it): a user and a context per identity,
    /// the first identity's current. It holds the tokens: whoever reads it may call the server.
    /// </summary>
    public string Kubeconfig() =>
        KubeconfigWriter.Render(
            BaseUrl.ToString().TrimEnd('/'),
            ServerCertificate.AuthorityData(_certificate),
            [.. Identities.Select(identity => (identity, TokenOf(identity)))]);

    /// <summary>
    /// Writes <see cref="Kubeconfig"/> readable by its owner only (where the file system has Unix permissions), whole:
    /// a reader polling for the file never sees half of it.
    /// </summary>
    public void WriteKubeconfig(string path)
    {
        var partial = $"{path}.{Environment.ProcessId}.partial";
        using (var file = OperatingSystem.IsWindows()
            ? new FileStream(partial, FileMode.Create, FileAccess.Write)
            : new FileStream(partial, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(Kubeconfig());
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>A client configuration presenting <paramref name="identity"/>'s token (the first identity's by default).</summary>
    public KubernetesClientConfiguration ClientConfiguration(ApiIdentity? identity = null)
    {
        using var kubeconfig = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Kubeconfig()));
        return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig, currentContext: (identity ?? Identities[0]).Name);
    }

    /// <summary>A KubernetesClient for this server as <paramref name="identity"/> (the first identity by default); the caller disposes it.</summary>
    public Kubernetes CreateClient(ApiIdentity? identity = null) => new(ClientConfiguration(identity));

    /// <summary>
    /// A plain HttpClient on <see cref="BaseUrl"/> that trusts this server's certificate and presents
    /// <paramref name="identity"/>'s token (the first identity's by default), for raw requests and the admin endpoint;
    /// the caller disposes it.
    /// </summary>
    public HttpClient CreateHttpClient(ApiIdentity? identity = null, int maxConnections = int.MaxValue)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == _certificate.GetCertHashString() },
        };
        var http = new HttpClient(handler) { BaseAddress = BaseUrl };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TokenOf(identity ?? Identities[0]));
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        Faults.CloseAllWatches();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }
}
