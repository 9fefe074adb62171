using CpaasX.Operator.Api.Schema;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.PlatformSync;
using CpaasX.Operator.Tests.Support;
using CpaasX.Testing.Platform;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.EndToEnd;

/// <summary>
/// The operator syncing the "inbound" sample in apply mode: the support line's number level and the six
/// InboundConfigurations reach the double's account, and the next pass finds nothing left to do.
/// </summary>
public sealed class PlatformSyncInboundEndToEndTests : IAsyncLifetime
{
    private const string Namespace = "helpdesk";

    private OperatorCluster _cluster = null!;
    private PlatformDouble _platform = null!;

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync();
        _platform = await PlatformSyncEndToEndTests.StartPlatformAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _platform.DisposeAsync();
    }

    [Fact]
    public async Task Apply_mode_sets_the_number_level_and_the_inbound_configurations()
    {
        await _cluster.StartOperatorAsync(PlatformSyncEndToEndTests.Syncing(new OperatorOptions()));
        var objects = await EmbeddedSamples.ApplyAsync(_cluster, "inbound");
        await EmbeddedSamples.WaitUntilRoutedAsync(_cluster, "inbound", objects);
        // The account's numbers, and the numberKey the platform gave each at purchase written into Git.
        foreach (var number in objects.OfType<Resource>().Where(item => item.Spec.Number is not null))
        {
            var numberKey = $"NK-{number.Metadata.Name}";
            _platform.Account.PutNumber(numberKey, number.Spec.Number!.Number!, number.Spec.Number.Country!);
            await _cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
                new V1Patch(new { spec = new { number = new { numberKey } } }, V1Patch.PatchType.MergePatch),
                "cpaasx.io", "v1alpha1", Namespace, "resources", number.Metadata.Name);
        }

        await _cluster.Client.CoreV1.PatchNamespaceAsync(
            new V1Patch(new { metadata = new { annotations = new Dictionary<string, string> { [PlatformSyncSettings.ModeAnnotation] = "apply" } } }, V1Patch.PatchType.MergePatch),
            Namespace);
        await PlatformSyncEndToEndTests.BindAsync(_cluster, Namespace, _platform);

        await OperatorCluster.EventuallyAsync(
            async () => (await PlatformSyncEndToEndTests.SyncEventsAsync(_cluster, Namespace)).Any(recorded =>
                recorded.Message.StartsWith("apply mode: 0 to create, 0 to update, 0 to delete", StringComparison.Ordinal)),
            "a pass found the number level and every inbound configuration in sync");
        Assert.Equal("support-bot", _platform.Account.Numbers["NK-support-line"]["applicationId"]!.GetValue<string>());
        Assert.Equal("default", _platform.Account.Numbers["NK-promo-shortcode"]["applicationId"]!.GetValue<string>());
        Assert.Equal(
            objects.OfType<InboundConfiguration>().Select(item => $"{JsonNames.Of(item.Spec.Channel!.Value)} {item.Spec.Keyword}").Order(StringComparer.Ordinal),
            _platform.Account.InboundConfigurations.Select(item => $"{item.Channel} {item.Keyword}").Order(StringComparer.Ordinal));
        // The stored record keeps each configuration's number and channel: the account read lists them even once Git drops them.
        var stored = await StoredSyncRecord.LoadAsync(_cluster.Client, Namespace, CancellationToken.None);
        Assert.All(_platform.Account.InboundConfigurations, item => Assert.Equal(
            new InboundListing(item.NumberKey, item.Channel), stored.Record.Find(PlatformKind.InboundConfiguration, item.ConfigurationKey)?.Listing));
        Assert.Empty(_platform.Violations);
    }

    [Fact]
    public async Task A_record_stored_without_the_configurations_number_and_channel_still_reads()
    {
        await _cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = StoredSyncRecord.ConfigMapName },
                Data = new Dictionary<string, string>
                {
                    [StoredSyncRecord.JsonKey] = """{"entries":[{"kind":"InboundConfiguration","key":"cfg-1","owner":"InboundConfiguration/support-line-mms","created":true}]}""",
                },
            },
            Namespace);

        var stored = await StoredSyncRecord.LoadAsync(_cluster.Client, Namespace, CancellationToken.None);

        Assert.Equal(new RecordEntry("InboundConfiguration/support-line-mms", Created: true), stored.Record.Find(PlatformKind.InboundConfiguration, "cfg-1"));
        Assert.Empty(stored.Record.InboundListings());
    }
}
