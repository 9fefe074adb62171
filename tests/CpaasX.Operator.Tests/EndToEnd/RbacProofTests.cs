using CpaasX.ApiServer.Counters;
using CpaasX.ApiServer.Identity;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.PlatformSync;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;
using CpaasX.Testing;

namespace CpaasX.Operator.Tests.EndToEnd;

/// <summary>
/// Proves config/rbac least-privilege: the operator, as the server's identity of its ServiceAccount, runs the
/// samples and the change flows on the embedded server with the request log on; every request it made must be
/// allowed by the rules bound to its ServiceAccount in the rendered config/default, and every rule must have been used.
/// config/admission's policy is enforced meanwhile: every ConfigMap write of the operator passes it.
/// </summary>
[Trait(EndToEndTraits.Category, EndToEndTraits.Faults)] // needs the embedded server's request log
public sealed class RbacProofTests : IAsyncLifetime
{
    private const string OperatorUser = $"system:serviceaccount:{InstallManifest.OperatorNamespace}:{InstallManifest.ServiceAccountName}";
    private static readonly string[] Sets = ["environments", "customers", "inbound"];

    private OperatorCluster _cluster = null!;
    private Kubectl _kubectl = null!;

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync();
        _kubectl = new Kubectl(_cluster.Server);
    }

    public async Task DisposeAsync()
    {
        _kubectl.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Every_request_of_the_operator_is_allowed_by_config_rbac_and_every_rule_is_used()
    {
        Assert.Equal(OperatorUser, ApiIdentity.Operator.UserName);
        await RunScenarioAsync();
        var made = _cluster.Server.RequestLog.Snapshot().Where(request => request.User == OperatorUser).Select(AsRbacRequest).Distinct().ToList();
        var policy = InstallManifest.OperatorPolicy(await Manifests.RenderAsync(InstallManifest.DefaultKustomization));

        var denied = made.Where(request => !policy.Allows(request)).ToList();
        Assert.True(denied.Count == 0, $"Requests config/rbac does not allow:\n{string.Join("\n", denied)}");
        var unused = policy.Unused(made);
        Assert.True(unused.Count == 0, $"Rules no request used:\n{string.Join("\n", unused)}");
    }

    /// <summary>A metrics scrape, the samples, the change flows, a hand-edited and a hand-deleted ConfigMap, an unlabelled one, a namespace bound to the platform, a namespace emptied, a graceful stop.</summary>
    private async Task RunScenarioAsync()
    {
        await _cluster.CreateNamespaceAsync(InstallManifest.OperatorNamespace);
        await _kubectl.Ok($"apply -k {RepositoryRoot.Combine("config", "admission")}");
        var instance = await _cluster.StartOperatorAsync(
            PlatformSyncEndToEndTests.Syncing(new OperatorOptions
            {
                LeaderElect = true,
                LeaseNamespace = InstallManifest.OperatorNamespace,
                LeaseDuration = TimeSpan.FromSeconds(3),
                RenewDeadline = TimeSpan.FromSeconds(2),
                RetryPeriod = TimeSpan.FromMilliseconds(200),
            }),
            ApiIdentity.Operator);
        // A Prometheus scrape of the secured metrics: the operator reviews the scraper's token and its access.
        Assert.Contains("controller_runtime_reconcile_total", await _cluster.ScrapeMetricsAsync(instance), StringComparison.Ordinal);
        foreach (var set in Sets)
        {
            var objects = await EmbeddedSamples.ApplyAsync(_cluster, set);
            await EmbeddedSamples.WaitUntilRoutedAsync(_cluster, set, objects);
        }

        // Change flows in helpdesk: an association edited, one deleted, an Application in use deleted (InUse) and freed.
        await _kubectl.Ok("apply -f -", """
            apiVersion: cpaasx.io/v1alpha1
            kind: ResourceAssociation
            metadata: {name: support-line-voice, namespace: helpdesk}
            spec: {resourceRef: {name: support-line}, channel: VOICE, applicationRef: {name: billing}}
            """);
        await _kubectl.Ok("delete resourceassociation support-line-sms -n helpdesk");
        await _kubectl.Ok("delete application marketing -n helpdesk --wait=false");
        await OperatorCluster.EventuallyAsync(
            async () => (await _cluster.EventsAsync("helpdesk")).Any(recorded => recorded.Reason == ConditionReasons.InUse),
            "the blocked deletion was recorded as an event");
        await _kubectl.Ok("delete inboundconfiguration promo-join promo-deals -n helpdesk");
        await _kubectl.Ok($"wait --for=delete application/marketing -n helpdesk {EndToEndCluster.Timeout}");

        // The routing ConfigMap edited, then deleted by hand: the operator updates, then creates it.
        await _kubectl.Ok("""patch configmap cpaasx-routing -n shop --type merge -p {\"data\":{\"routing.json\":\"{}\"}}""");
        await OperatorCluster.EventuallyAsync(
            async () => (await _cluster.GetConfigMapAsync("shop"))?.Data["routing.json"] != "{}", "the hand edit is undone");
        await _kubectl.Ok("delete configmap cpaasx-routing -n shop");
        await OperatorCluster.EventuallyAsync(async () => await _cluster.GetConfigMapAsync("shop") is not null, "the ConfigMap is back");

        // A ConfigMap of the routing name without the managed-by label: the operator's create finds it, reads it, leaves it.
        await _kubectl.Ok("create namespace unmanaged");
        await _kubectl.Ok("create configmap cpaasx-routing -n unmanaged --from-literal=owner=someone-else");
        await _kubectl.Ok("apply -f -", """
            apiVersion: cpaasx.io/v1alpha1
            kind: Application
            metadata: {name: lonely, namespace: unmanaged}
            spec: {applicationName: Lonely}
            """);
        await OperatorCluster.EventuallyAsync(
            async () => (await _cluster.EventsAsync("unmanaged")).Any(recorded => recorded.Reason == RoutingConfigMapPublisher.NotManagedReason),
            "the unlabelled ConfigMap was found and left alone");

        // Another reconcile of that namespace meets the unlabelled ConfigMap again: the same event is counted, not repeated.
        await _kubectl.Ok("apply -f -", """
            apiVersion: cpaasx.io/v1alpha1
            kind: Application
            metadata: {name: lonely-too, namespace: unmanaged}
            spec: {applicationName: Lonely too}
            """);
        await OperatorCluster.EventuallyAsync(
            async () => (await _cluster.EventsAsync("unmanaged")).Any(recorded => recorded.Reason == RoutingConfigMapPublisher.NotManagedReason && recorded.Count > 1),
            "the repeated event was counted on the first one");

        // Platform sync: one namespace bound to the contract double (its Secret and annotations read by name), the others
        // unbound; planned, then applied (finalizers on the synced objects, the record stored), an association deleted.
        await using (var platform = await PlatformSyncEndToEndTests.StartPlatformAsync())
        {
            await PlatformSyncEndToEndTests.BindAsync(_cluster, "shop", platform);
            await OperatorCluster.EventuallyAsync(
                async () => (await PlatformSyncEndToEndTests.SyncEventsAsync(_cluster, "shop")).Any(recorded => recorded.Reason == PlatformSyncReconciler.PlannedReason),
                "the bound namespace was planned");
            await PlatformSyncEndToEndTests.AnnotateAsync(_cluster, "shop", PlatformSyncSettings.ModeAnnotation, "apply");
            await PlatformSyncEndToEndTests.EventuallyPlatformSyncedAsync<SenderStrategy>(_cluster, "shop", "checkout-dev", PlatformSyncedReasons.Synced);
            await _kubectl.Ok($"delete resourceassociation dev-alpha-sms -n shop {EndToEndCluster.Timeout}");
        }

        // A namespace emptied of cpaasx.io objects loses its ConfigMap.
        await _kubectl.Ok("delete cpaasx --all -n notify-saas --wait=false");
        await OperatorCluster.EventuallyAsync(async () => await _cluster.GetConfigMapAsync("notify-saas") is null, "the emptied namespace lost its ConfigMap");

        await instance.StopAsync();
    }

    private static RbacRequest AsRbacRequest(RecordedRequest request) => new(
        request.ApiGroup,
        request.Subresource is null ? request.Resource : $"{request.Resource}/{request.Subresource}",
        request.Verb,
        request.Namespace,
        // RBAC matches resourceNames only on requests that name an object; lists and creates name none.
        request.Verb is "list" or "watch" or "create" ? null : request.Name);
}
