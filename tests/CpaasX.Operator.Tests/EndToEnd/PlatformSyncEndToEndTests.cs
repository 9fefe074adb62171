using System.Text;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.PlatformSync;
using CpaasX.Operator.Tests.Support;
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
        using ILoggerFactory loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        OperatorInstance instance = await _cluster.StartOperatorAsync(Syncing(new OperatorOptions()), loggerFactory: loggerFactory);
        IReadOnlyList<ICustomResource> objects = await EmbeddedSamples.ApplyAsync(_cluster, "customers");
        await EmbeddedSamples.WaitUntilRoutedAsync(_cluster, "customers", objects);

        await BindAsync(_cluster, Namespace, _platform);

        await OperatorCluster.EventuallyAsync(
            async () => (await SyncEventsAsync(_cluster, Namespace)).Any(recorded => recorded.Reason == PlatformSyncReconciler.PlannedReason),
            "the plan was recorded on the Secret");
        Corev1Event planned = (await SyncEventsAsync(_cluster, Namespace)).Single(recorded => recorded.Reason == PlatformSyncReconciler.PlannedReason);
        Assert.StartsWith("plan mode: ", planned.Message, StringComparison.Ordinal);
        Assert.Contains("to create", planned.Message, StringComparison.Ordinal);
        Assert.True(instance.Metrics.PlatformSyncPending.WithLabels(Namespace).Value > 0);
        Assert.True(instance.Metrics.PlatformSyncLastSuccess.WithLabels(Namespace).Value > 0);
        Assert.NotEmpty(_platform.Requests);
        Assert.DoesNotContain(_platform.Requests, request => request.IsWrite);

        await _cluster.Client.CoreV1.PatchNamespaceAsync(
            new V1Patch(new { metadata = new { annotations = new Dictionary<string, string> { [PlatformSyncSettings.ModeAnnotation] = "apply" } } }, V1Patch.PatchType.MergePatch),
            Namespace);

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
        IReadOnlyList<ICustomResource> objects = await EmbeddedSamples.ApplyAsync(_cluster, "customers");
        await EmbeddedSamples.WaitUntilRoutedAsync(_cluster, "customers", objects);
        Assert.All(objects, item => Assert.Null(item.StatusObject?.Conditions?.FirstOrDefault(condition => condition.Type == ConditionTypes.PlatformSynced)));

        await BindAsync(_cluster, Namespace, _platform);

        // Plan mode: the association says what the plan would do for it, and stays Ready.
        Condition pending = await EventuallyPlatformSyncedAsync<ResourceAssociation>(_cluster, Namespace, "acme-alpha-sms", PlatformSyncedReasons.PlanPending);
        Assert.Equal(ConditionStatuses.False, pending.Status);
        Assert.StartsWith("plan mode, not applied: create Association ALPHA ACME SMS -> notifier/acme", pending.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionStatuses.True, (await _cluster.GetAsync<ResourceAssociation>(Namespace, "acme-alpha-sms"))!.Status!.FindReady()!.Status);
        Assert.DoesNotContain(_platform.Requests, request => request.IsWrite);

        // A VOICE association has no platform counterpart: said so, and still Ready, neither Stalled nor Reconciling.
        Condition noApi = await EventuallyPlatformSyncedAsync<ResourceAssociation>(_cluster, Namespace, "globex-tollfree-voice", PlatformSyncedReasons.NoPlatformApi);
        Assert.Contains(PlatformMapping.NoPlatformApi, noApi.Message, StringComparison.Ordinal);
        ResourceAssociationStatus voice = (await _cluster.GetAsync<ResourceAssociation>(Namespace, "globex-tollfree-voice"))!.Status!;
        Assert.Equal([ConditionTypes.Ready, ConditionTypes.PlatformSynced], voice.Conditions!.Select(condition => condition.Type));
        Assert.Equal(ConditionStatuses.True, voice.FindReady()!.Status);

        await _cluster.Client.CoreV1.PatchNamespaceAsync(
            new V1Patch(new { metadata = new { annotations = new Dictionary<string, string> { [PlatformSyncSettings.ModeAnnotation] = "apply" } } }, V1Patch.PatchType.MergePatch),
            Namespace);

        Condition synced = await EventuallyPlatformSyncedAsync<ResourceAssociation>(_cluster, Namespace, "acme-alpha-sms", PlatformSyncedReasons.Synced);
        Assert.Equal(ConditionStatuses.True, synced.Status);
        Assert.Contains(_platform.Account.Associations, association => association.ResourceId == "ACME" && association.ApplicationId == "notifier");
        Assert.Equal(ConditionStatuses.True, (await EventuallyPlatformSyncedAsync<Application>(_cluster, Namespace, "notifier", PlatformSyncedReasons.Synced)).Status);

        // The binding gone: no object keeps the condition.
        await _cluster.Client.CoreV1.DeleteNamespacedSecretAsync(PlatformSyncSettings.SecretName, Namespace);
        await OperatorCluster.EventuallyAsync(
            async () => (await _cluster.GetAsync<ResourceAssociation>(Namespace, "acme-alpha-sms"))!.Status!.Conditions!.All(condition => condition.Type != ConditionTypes.PlatformSynced),
            "the unbound namespace's objects lost the condition");
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
        OperatorInstance instance = await _cluster.StartOperatorAsync(Syncing(new OperatorOptions()));
        _platform.RevokeKey();
        IReadOnlyList<ICustomResource> objects = await EmbeddedSamples.ApplyAsync(_cluster, "inbound");
        await BindAsync(_cluster, Namespace, _platform);

        await OperatorCluster.EventuallyAsync(
            async () => (await SyncEventsAsync(_cluster, Namespace)).Any(recorded => recorded.Reason == PlatformSyncReconciler.FailedReason),
            "the refused key was reported");
        Corev1Event failed = (await SyncEventsAsync(_cluster, Namespace)).First(recorded => recorded.Reason == PlatformSyncReconciler.FailedReason);
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
