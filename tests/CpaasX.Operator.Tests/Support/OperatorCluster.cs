using System.Net;
using System.Text;
using System.Text.Json;

using CpaasX.ApiServer;
using CpaasX.ApiServer.Identity;

using CpaasX.Operator.Api;
using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.Local;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;
using CpaasX.Testing;

using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Tests.Support;

/// <summary>
/// A fresh embedded API server with the project's CRDs installed (from config/crds, through the API), a client, and
/// the short-hands the operator tests need: typed creates and reads, operators started against it, and polling.
/// </summary>
internal sealed class OperatorCluster : IAsyncDisposable
{
    /// <summary>Generous: a loaded build machine runs several test processes at once; passing tests never wait this long.</summary>
    public static readonly TimeSpan PatienceLimit = TimeSpan.FromSeconds(30);

    /// <summary>Two more operator identities, so the request log tells replicas apart.</summary>
    public static readonly ApiIdentity ReplicaA = ApiIdentity.Operator with { Name = "replica-a", UserName = "replica-a" };

    public static readonly ApiIdentity ReplicaB = ApiIdentity.Operator with { Name = "replica-b", UserName = "replica-b" };

    private readonly List<OperatorInstance> _operators = [];

    private OperatorCluster(EmbeddedApiServer server)
    {
        Server = server;
        Client = server.CreateClient();
    }

    public EmbeddedApiServer Server { get; }

    public Kubernetes Client { get; }

    public static async Task<OperatorCluster> StartAsync(bool installCrds = true)
    {
        var cluster = new OperatorCluster(await EmbeddedApiServer.StartAsync(new EmbeddedApiServerOptions
        {
            BookmarkInterval = TimeSpan.FromMilliseconds(200),
            RecordRequests = true,
            Identities = [.. ApiIdentity.Defaults, ReplicaA, ReplicaB],
        }));
        if (installCrds)
        {
            await CrdInstaller.InstallAsync(cluster.Client, RepositoryRoot.Combine("config", "crds"), CancellationToken.None);
        }

        return cluster;
    }

    /// <summary>
    /// Starts an operator on this server (probes and metrics, unless the options serve none, on free loopback ports) as
    /// <paramref name="identity"/>, by default the operator's ServiceAccount; it is stopped with the cluster.
    /// </summary>
    public async Task<OperatorInstance> StartOperatorAsync(OperatorOptions? options = null, ApiIdentity? identity = null, ILoggerFactory? loggerFactory = null)
    {
        options ??= new OperatorOptions();
        var instance = await OperatorInstance.StartAsync(
            options with
            {
                HttpEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
                MetricsEndpoint = options.MetricsEndpoint is null ? null : new IPEndPoint(IPAddress.Loopback, 0),
            },
            Server.ClientConfiguration(identity ?? ApiIdentity.Operator),
            loggerFactory);
        _operators.Add(instance);
        return instance;
    }

    /// <summary>
    /// An HttpClient on <paramref name="instance"/>'s metrics endpoint presenting <paramref name="token"/> as its
    /// bearer token (none when null). It accepts the operator's self-signed certificate, as the ServiceMonitor's
    /// insecureSkipVerify does.
    /// </summary>
    public static HttpClient MetricsClient(OperatorInstance instance, string? token)
    {
        var handler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } };
        var http = new HttpClient(handler) { BaseAddress = instance.MetricsAddress };
        http.DefaultRequestHeaders.Authorization = token is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>The text of <paramref name="instance"/>'s /metrics, scraped as a Prometheus bound to the metrics-reader ClusterRole.</summary>
    public async Task<string> ScrapeMetricsAsync(OperatorInstance instance)
    {
        using var http = MetricsClient(instance, Server.TokenOf(ApiIdentity.MetricsReader));
        return await http.GetStringAsync("/metrics");
    }

    public async Task CreateNamespaceAsync(string name) =>
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });

    public async Task<T> CreateAsync<T>(T resource)
        where T : class, ICustomResource
    {
        var body = JsonSerializer.SerializeToNode(resource, CpaasxJson.Options)!;
        var created = await Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            body, CustomResourceKinds.Group, CustomResourceKinds.Version, resource.Metadata.NamespaceProperty, ObjectReferences.KindOf(resource).Plural);
        return ((JsonElement)created).Deserialize<T>(CpaasxJson.Options)!;
    }

    public async Task<T?> GetAsync<T>(string @namespace, string name)
        where T : class, ICustomResource, new()
    {
        try
        {
            var found = await Client.CustomObjects.GetNamespacedCustomObjectAsync(
                CustomResourceKinds.Group, CustomResourceKinds.Version, @namespace, ObjectReferences.KindOf(new T()).Plural, name);
            return ((JsonElement)found).Deserialize<T>(CpaasxJson.Options);
        }
        catch (Exception error) when (ApiErrors.IsNotFound(error))
        {
            return null;
        }
    }

    /// <summary>The status of the Ready condition of <paramref name="resource"/> as stored now; null when it has none or is gone.</summary>
    public async Task<string?> ReadyStatusAsync(ICustomResource resource)
    {
        try
        {
            var found = (JsonElement)await Client.CustomObjects.GetNamespacedCustomObjectAsync(
                CustomResourceKinds.Group, CustomResourceKinds.Version, resource.Metadata.NamespaceProperty, ObjectReferences.KindOf(resource).Plural, resource.Metadata.Name);
            var stored = (ICustomResource)found.Deserialize(resource.GetType(), CpaasxJson.Options)!;
            return stored.StatusObject?.FindReady()?.Status;
        }
        catch (Exception error) when (ApiErrors.IsNotFound(error))
        {
            return null;
        }
    }

    /// <summary>The managed ConfigMaps of <paramref name="namespace"/> as the operator's informer sees them: metadata only.</summary>
    public async Task<IReadOnlyList<PartialObjectMetadata>> ManagedConfigMapsAsync(string @namespace) =>
        [.. (await Client.CoreV1.ListNamespacedConfigMapAsync(@namespace, labelSelector: ManagedLabel.Selector)).Items
            .Select(configMap => new PartialObjectMetadata { Metadata = configMap.Metadata })];

    public async Task<V1ConfigMap?> GetConfigMapAsync(string @namespace, string name = OperatorOptions.DefaultConfigMapName)
    {
        try
        {
            return await Client.CoreV1.ReadNamespacedConfigMapAsync(name, @namespace);
        }
        catch (Exception error) when (ApiErrors.IsNotFound(error))
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(string @namespace) =>
        [.. (await Client.CoreV1.ListNamespacedEventAsync(@namespace)).Items];

    /// <summary><see cref="Eventually.UntilAsync"/> with this suite's <see cref="PatienceLimit"/>.</summary>
    public static Task EventuallyAsync(Func<Task<bool>> condition, string what) => Eventually.UntilAsync(condition, PatienceLimit, what);

    public static T Named<T>(T resource, string @namespace, string name)
        where T : ICustomResource
    {
        resource.Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace };
        return resource;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _operators)
        {
            await instance.DisposeAsync();
        }

        Client.Dispose();
        await Server.DisposeAsync();
    }
}
