using System.Text;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.PlatformSync;
using CpaasX.Operator.Tests.Support;
using CpaasX.Testing;
using CpaasX.Testing.Platform;

using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Tests.EndToEnd;

/// <summary>
/// The operator with a samples namespace bound through its <c>cpaasx-platform</c> Secret to the platform's contract
/// double: plan mode writes nothing and says what it would do, apply mode makes the account hold what Git declares,
/// and the API key appears in no Event and no log line.
/// </summary>
public sealed class PlatformSyncEndToEndTests : IAsyncLifetime
{
    /// <summary>The published throttling (1 request per second per endpoint) scaled down, on both sides.</summary>
    private static readonly TimeSpan Unit = TimeSpan.FromMilliseconds(20);

    private OperatorCluster _cluster = null!;
    private PlatformDouble _platform = null!;

    /// <summary>Operator options that sync every half second, paced and retried at the double's scaled throttling.</summary>
    internal static OperatorOptions Syncing(OperatorOptions options) => options with
    {
        PlatformSyncInterval = TimeSpan.FromMilliseconds(500),
        PlatformClient = new PlatformClientOptions { RequestInterval = Unit, BackoffBase = Unit, BackoffCap = Unit * 8 },
    };

    internal static Task<PlatformDouble> StartPlatformAsync() =>
        PlatformDouble.StartAsync(new PlatformDoubleOptions { ThrottleUnit = Unit, ApiKey = "e2e-key-7f3a9c51d2" });

    /// <summary>Binds <paramref name="namespace"/> to <paramref name="platform"/> with the Secret the operator reads by name.</summary>
    internal static Task BindAsync(OperatorCluster cluster, string @namespace, PlatformDouble platform) =>
        cluster.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = PlatformSyncSettings.SecretName, NamespaceProperty = @namespace },
                Data = new Dictionary<string, byte[]>
                {
                    ["baseUrl"] = Encoding.UTF8.GetBytes(platform.BaseUrl.ToString()),
                    ["apiKey"] = Encoding.UTF8.GetBytes(platform.ApiKey),
                },
            },
            @namespace);

    /// <summary>Sets one annotation of the Namespace (the sync's mode or prune switch).</summary>
    internal static Task AnnotateAsync(OperatorCluster cluster, string @namespace, string annotation, string value) =>
        cluster.Client.CoreV1.PatchNamespaceAsync(
            new V1Patch(new { metadata = new { annotations = new Dictionary<string, string> { [annotation] = value } } }, V1Patch.PatchType.MergePatch),
            @namespace);

    /// <summary>The platform sync events of <paramref name="namespace"/>, all recorded on its Secret.</summary>
    internal static async Task<IReadOnlyList<Corev1Event>> SyncEventsAsync(OperatorCluster cluster, string @namespace) =>
        [.. (await cluster.EventsAsync(@namespace)).Where(recorded => recorded.InvolvedObject.Kind == V1Secret.KubeKind
            && recorded.InvolvedObject.Name == PlatformSyncSettings.SecretName)];

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync();
        _platform = await StartPlatformAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _platform.DisposeAsync();
    }

    [Fact]
    public async Task Plan_mode_writes_nothing_and_apply_mode_makes_the_account_hold_what_git_declares()
    {
        const string Namespace = "notify-saas";
        using RecordingLoggerProvider logs = new();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var instance = await _cluster.StartOperatorAsync(Syncing(new OperatorOptions()), loggerFactory: loggerFactory);
        var objects = await EmbeddedSamples.ApplyAsync(_cluster, "customers");
        await EmbeddedSamples.WaitUntilRoutedAsync(_cluster, "customers", objects);

        await BindAsync(_cluster, Namespace, _platform);

        await OperatorCluster.EventuallyAsync(
            async () => (await SyncEventsAsync(_cluster, Namespace)).Any(recorded => recorded.Reason == PlatformSyncReconciler.PlannedReason),
            "the plan was recorded on the Secret");
        var planned = (await SyncEventsAsync(_cluster, Namespace)).Single(recorded => recorded.Reason == PlatformSyncReconciler.PlannedReason);
        Assert.StartsWith("plan mode: ", planned.Message, StringComparison.Ordinal);
        Assert.Contains("to create", planned.Message, StringComparison.Ordinal);
        Assert.True(instance.Metrics.PlatformSyncPending.WithLabels(Namespace).Value > 0);
        Assert.True(instance.Metrics.PlatformSyncLastSuccess.WithLabels(Namespace).Value > 0);
        Assert.NotEmpty(_platform.Requests);
        Assert.DoesNotContain(_platform.Requests, request => request.IsWrite);

        // The plan, readable in the namespace: plan.md beside the record, written again only when it changes.
        var stored = await _cluster.Client.CoreV1.ReadNamespacedConfigMapAsync(StoredSyncRecord.ConfigMapName, Namespace);
        var plan = stored.Data[StoredSyncRecord.PlanKey];
        Assert.Contains($"**Plan mode, nothing is written to the platform:** {planned.Message["plan mode: ".Length..]}.", plan, StringComparison.Ordinal);
        Assert.Contains("| Create | Association | ALPHA ACME SMS -> notifier/acme |", plan, StringComparison.Ordinal);
        await OperatorCluster.EventuallyAsync(
            async () => (await SyncEventsAsync(_cluster, Namespace)).Single(recorded => recorded.Reason == PlatformSyncReconciler.PlannedReason).Count >= 3,
            "two more passes planned the same");
        Assert.Equal(
            stored.Metadata.ResourceVersion,
            (await _cluster.Client.CoreV1.ReadNamespacedConfigMapAsync(StoredSyncRecord.ConfigMapName, Namespace)).Metadata.ResourceVersion);

        await AnnotateAsync(_cluster, Namespace, PlatformSyncSettings.ModeAnnotation, "apply");

        await OperatorCluster.EventuallyAsync(
            async () => (await SyncEventsAsync(_cluster, Namespace)).Any(recorded => recorded.Reason == PlatformSyncReconciler.AppliedReason),
            "the plan was carried out");
        await OperatorCluster.EventuallyAsync(
            async () => (await SyncEventsAsync(_cluster, Namespace)).Any(recorded => recorded.Message.StartsWith("apply mode: 0 to create, 0 to update, 0 to delete", StringComparison.Ordinal)),
            "the next pass found nothing left to do");
        Assert.Equal(
            objects.OfType<Application>().Select(item => item.EffectiveApplicationId).Order(StringComparer.Ordinal),
            _platform.Account.Applications.Keys.Where(id => id != PlatformAccount.DefaultApplication).Order(StringComparer.Ordinal));
        Assert.Equal(
            objects.OfType<Entity>().Select(item => item.EffectiveEntityId).Order(StringComparer.Ordinal),
            _platform.Account.Entities.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(objects.OfType<SenderStrategy>().Count(), _platform.Account.Strategies.Count);
        Assert.NotEmpty(_platform.Account.Associations);
        Assert.Equal(0, instance.Metrics.PlatformSyncPending.WithLabels(Namespace).Value);
        Assert.Equal(0, instance.Metrics.PlatformSyncErrors.WithLabels("/provisioning/1/associations").Value);
        Assert.Empty(_platform.Violations);

        Assert.DoesNotContain(await _cluster.EventsAsync(Namespace), recorded => recorded.Message.Contains(_platform.ApiKey, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains(PlatformSyncReconciler.AppliedReason, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(_platform.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_object_says_whether_the_account_holds_it_without_touching_ready()
    {
        const string Namespace = "notify-saas";
        await _cluster.StartOperatorAsync(Syncing(new OperatorOptions()));
        var objects = await EmbeddedSamples.ApplyAsync(_cluster, "customers");
        await EmbeddedSamples.WaitUntilRoutedAsync(_cluster, "customers", objects);
        Assert.All(objects, item => Assert.Null(item.StatusObject?.Conditions?.FirstOrDefault(condition => condition.Type == ConditionTypes.PlatformSynced)));

        await BindAsync(_cluster, Namespace, _platform);

        // Plan mode: the association says what the plan would do for it, and stays Ready.
        var pending = await EventuallyPlatformSyncedAsync<ResourceAssociation>(_cluster, Namespace, "acme-alpha-sms", PlatformSyncedReasons.PlanPending);
        Assert.Equal(ConditionStatuses.False, pending.Status);
        Assert.StartsWith("plan mode, not applied: create Association ALPHA ACME SMS -> notifier/acme", pending.Message, StringComparison.Ordinal);
        var planned = (await _cluster.GetAsync<ResourceAssociation>(Namespace, "acme-alpha-sms"))!;
        Assert.Equal(ConditionStatuses.True, planned.Status!.FindReady()!.Status);
        Assert.DoesNotContain(PlatformSyncFinalizer.Name, planned.Metadata.Finalizers ?? []);
        Assert.DoesNotContain(_platform.Requests, request => request.IsWrite);

        // A VOICE association has no platform counterpart: said so, and still Ready, neither Stalled nor Reconciling.
        var noApi = await EventuallyPlatformSyncedAsync<ResourceAssociation>(_cluster, Namespace, "globex-tollfree-voice", PlatformSyncedReasons.NoPlatformApi);
        Assert.Contains(PlatformMapping.NoPlatformApi, noApi.Message, StringComparison.Ordinal);
        var voice = (await _cluster.GetAsync<ResourceAssociation>(Namespace, "globex-tollfree-voice"))!.Status!;
        Assert.Equal([ConditionTypes.Ready, ConditionTypes.PlatformSynced], voice.Conditions!.Select(condition => condition.Type));
        Assert.Equal(ConditionStatuses.True, voice.FindReady()!.Status);

        await AnnotateAsync(_cluster, Namespace, PlatformSyncSettings.ModeAnnotation, "apply");

        var synced = await EventuallyPlatformSyncedAsync<ResourceAssociation>(_cluster, Namespace, "acme-alpha-sms", PlatformSyncedReasons.Synced);
        Assert.Equal(ConditionStatuses.True, synced.Status);
        Assert.Contains(_platform.Account.Associations, association => association.ResourceId == "ACME" && association.ApplicationId == "notifier");
        Assert.Equal(ConditionStatuses.True, (await EventuallyPlatformSyncedAsync<Application>(_cluster, Namespace, "notifier", PlatformSyncedReasons.Synced)).Status);

        await OperatorCluster.EventuallyAsync(
            async () => ((await _cluster.GetAsync<ResourceAssociation>(Namespace, "acme-alpha-sms"))!.Metadata.Finalizers ?? []).Contains(PlatformSyncFinalizer.Name),
            "apply mode put the finalizer on the synced association");

        // The binding gone: no object keeps the condition or the finalizer.
        await _cluster.Client.CoreV1.DeleteNamespacedSecretAsync(PlatformSyncSettings.SecretName, Namespace);
        await OperatorCluster.EventuallyAsync(
            async () => await _cluster.GetAsync<ResourceAssociation>(Namespace, "acme-alpha-sms") is { } unbound
                && unbound.Status!.Conditions!.All(condition => condition.Type != ConditionTypes.PlatformSynced)
                && !(unbound.Metadata.Finalizers ?? []).Contains(PlatformSyncFinalizer.Name),
            "the unbound namespace's objects lost the condition and the finalizer");
    }

    [Fact]
    public async Task Deleting_an_association_in_apply_mode_deletes_it_on_the_platform_before_the_finalizer_comes_off()
    {
        const string Namespace = "notify-saas";
        await _cluster.StartOperatorAsync(Syncing(new OperatorOptions()));
        var objects = await EmbeddedSamples.ApplyAsync(_cluster, "customers");
        await EmbeddedSamples.WaitUntilRoutedAsync(_cluster, "customers", objects);
        await AnnotateAsync(_cluster, Namespace, PlatformSyncSettings.ModeAnnotation, "apply");
        await BindAsync(_cluster, Namespace, _platform);
        await EventuallyPlatformSyncedAsync<ResourceAssociation>(_cluster, Namespace, "acme-alpha-sms", PlatformSyncedReasons.Synced);
        await EventuallyPlatformSyncedAsync<ResourceAssociation>(_cluster, Namespace, "initech-alpha-sms", PlatformSyncedReasons.Synced);
        using Kubectl kubectl = new(_cluster.Server);

        await kubectl.Ok($"delete resourceassociation acme-alpha-sms -n {Namespace} {EndToEndCluster.Timeout}");
        Assert.Null(await _cluster.GetAsync<ResourceAssociation>(Namespace, "acme-alpha-sms"));
        Assert.DoesNotContain(_platform.Account.Associations, association => association.ResourceId == "ACME");
        Assert.Contains(_platform.Requests, request => request.OperationId == "delete-resource-association" && request.Status is >= 200 and < 300);

        // The platform failing: the object stays, Terminating, and says why.
        _platform.InjectFaults(500, 100_000, "delete-resource-association");
        await kubectl.Ok($"delete resourceassociation initech-alpha-sms -n {Namespace} --wait=false");
        var failed = await EventuallyPlatformSyncedAsync<ResourceAssociation>(_cluster, Namespace, "initech-alpha-sms", PlatformSyncedReasons.ApplyFailed);
        Assert.Contains("delete Association ALPHA INITECH SMS", failed.Message, StringComparison.Ordinal);
        Assert.Contains("500", failed.Message, StringComparison.Ordinal);
        var terminating = (await _cluster.GetAsync<ResourceAssociation>(Namespace, "initech-alpha-sms"))!;
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Equal([PlatformSyncFinalizer.Name], terminating.Metadata.Finalizers);
        Assert.Contains(_platform.Account.Associations, association => association.ResourceId == "INITECH");

        _platform.ClearFaults();
        await kubectl.Ok($"wait --for=delete resourceassociation/initech-alpha-sms -n {Namespace} {EndToEndCluster.Timeout}");
        Assert.DoesNotContain(_platform.Account.Associations, association => association.ResourceId == "INITECH");
        Assert.True(_platform.Violations.Count == 0, string.Join("\n", _platform.Violations));
    }

    [Fact]
    public async Task An_operator_restarted_mid_apply_resumes_from_the_stored_record_and_prunes_what_it_created_before()
    {
        const string Namespace = "notify-saas";
        var first = await _cluster.StartOperatorAsync(Syncing(new OperatorOptions()));
        var objects = await EmbeddedSamples.ApplyAsync(_cluster, "customers");
        await EmbeddedSamples.WaitUntilRoutedAsync(_cluster, "customers", objects);
        TaskCompletionSource acmeCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _platform.Answered += request =>
        {
            // The platform stops answering right after the ACME association is created: the apply cannot go on.
            if (request.Method == "POST" && request.Status == 201 && request.Body?.Contains("\"ACME\"", StringComparison.Ordinal) == true)
            {
                _platform.InjectFaults(500, 100_000);
                acmeCreated.TrySetResult();
            }
        };
        await AnnotateAsync(_cluster, Namespace, PlatformSyncSettings.ModeAnnotation, "apply");
        await BindAsync(_cluster, Namespace, _platform);

        // Stopped mid-apply: the stored record says the operator created the ACME association.
        await acmeCreated.Task.WaitAsync(OperatorCluster.PatienceLimit);
        await first.StopAsync();
        const string Acme = "ALPHA ACME SMS -> notifier/acme";
        var stored = await StoredSyncRecord.LoadAsync(_cluster.Client, Namespace, CancellationToken.None);
        Assert.Equal(new RecordEntry("ResourceAssociation/acme-alpha-sms", Created: true), stored.Record.Find(PlatformKind.Association, Acme));
        Assert.DoesNotContain(await SyncEventsAsync(_cluster, Namespace), recorded => recorded.Reason == PlatformSyncReconciler.AppliedReason);

        // A new instance, the platform back: the apply resumes and nothing is created twice.
        _platform.ClearFaults();
        await _cluster.StartOperatorAsync(Syncing(new OperatorOptions()));
        await OperatorCluster.EventuallyAsync(
            async () => (await SyncEventsAsync(_cluster, Namespace)).Any(recorded => recorded.Message.StartsWith("apply mode: 0 to create, 0 to update, 0 to delete", StringComparison.Ordinal)),
            "the restarted operator finished the apply");
        Assert.DoesNotContain(_platform.Requests, request => request.Status == 409);
        Assert.All(
            _platform.Requests.Where(request => request.Method == "POST" && request.Status == 201).GroupBy(request => (request.Path, request.Body)),
            creates => Assert.Single(creates));
        Assert.Equal(new RecordEntry("ResourceAssociation/acme-alpha-sms", Created: true),
            (await StoredSyncRecord.LoadAsync(_cluster.Client, Namespace, CancellationToken.None)).Record.Find(PlatformKind.Association, Acme));

        // Deleted while the namespace is in plan mode (no finalizer), then pruned: the record still says the operator created it.
        await AnnotateAsync(_cluster, Namespace, PlatformSyncSettings.ModeAnnotation, "plan");
        await OperatorCluster.EventuallyAsync(
            async () => !((await _cluster.GetAsync<ResourceAssociation>(Namespace, "acme-alpha-sms"))!.Metadata.Finalizers ?? []).Contains(PlatformSyncFinalizer.Name),
            "plan mode took the finalizer off");
        await _cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            CustomResourceKinds.Group, CustomResourceKinds.Version, Namespace, "resourceassociations", "acme-alpha-sms");
        await OperatorCluster.EventuallyAsync(async () => await _cluster.GetAsync<ResourceAssociation>(Namespace, "acme-alpha-sms") is null, "the association is gone");
        Assert.Contains(_platform.Account.Associations, association => association.ResourceId == "ACME");
        await AnnotateAsync(_cluster, Namespace, PlatformSyncSettings.PruneAnnotation, "true");
        await AnnotateAsync(_cluster, Namespace, PlatformSyncSettings.ModeAnnotation, "apply");
        await OperatorCluster.EventuallyAsync(
            () => Task.FromResult(!_platform.Account.Associations.Any(association => association.ResourceId == "ACME")),
            "prune deleted the association the first instance created");
        Assert.Empty(_platform.Violations);
    }

    /// <summary>The object's PlatformSynced condition once it has <paramref name="reason"/>.</summary>
    internal static async Task<Condition> EventuallyPlatformSyncedAsync<T>(OperatorCluster cluster, string @namespace, string name, string reason)
        where T : class, ICustomResource, new()
    {
        Condition? found = null;
        await OperatorCluster.EventuallyAsync(
            async () => (found = PlatformSynced(await cluster.GetAsync<T>(@namespace, name)))?.Reason == reason,
            $"{typeof(T).Name} {name} has PlatformSynced with reason {reason}");
        return found!;
    }

    internal static Condition? PlatformSynced(ICustomResource? item) =>
        item?.StatusObject?.Conditions?.FirstOrDefault(condition => condition.Type == ConditionTypes.PlatformSynced);

    [Fact]
    public async Task A_refused_key_is_reported_on_the_secret_and_routing_carries_on()
    {
        const string Namespace = "helpdesk";
        var instance = await _cluster.StartOperatorAsync(Syncing(new OperatorOptions()));
        _platform.RevokeKey();
        var objects = await EmbeddedSamples.ApplyAsync(_cluster, "inbound");
        await BindAsync(_cluster, Namespace, _platform);

        await OperatorCluster.EventuallyAsync(
            async () => (await SyncEventsAsync(_cluster, Namespace)).Any(recorded => recorded.Reason == PlatformSyncReconciler.FailedReason),
            "the refused key was reported");
        var failed = (await SyncEventsAsync(_cluster, Namespace)).First(recorded => recorded.Reason == PlatformSyncReconciler.FailedReason);
        Assert.Equal("Warning", failed.Type);
        Assert.Contains("401", failed.Message, StringComparison.Ordinal);
        Assert.Contains("the key in Secret cpaasx-platform is refused", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_platform.ApiKey, failed.Message, StringComparison.Ordinal);
        Assert.True(instance.Metrics.PlatformSyncErrors.GetAllLabelValues().Any());
        Assert.Equal(0, instance.Metrics.PlatformSyncLastSuccess.WithLabels(Namespace).Value);
        Assert.DoesNotContain(_platform.Requests, request => request.IsWrite);
        await EmbeddedSamples.WaitUntilRoutedAsync(_cluster, "inbound", objects);
    }
}
