using System.Text.Json.Nodes;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.PlatformSync;
using CpaasX.Testing.Platform;

namespace CpaasX.Operator.Tests.PlatformSync;

/// <summary>
/// The numbers' number level and the inbound configurations (the "inbound" sample) against the contract double:
/// numbers are updated, never bought; configurations are matched on (numberKey, channel, keyword) and keep the
/// platform's configurationKey.
/// </summary>
public sealed class PlatformSyncInboundScenarioTests
{
    public static TheoryData<InboundConfigurationUpsert> UpsertReadings() => [InboundConfigurationUpsert.NaturalKey, InboundConfigurationUpsert.AlwaysCreates];

    [Fact]
    public async Task Plan_of_the_inbound_sample_updates_the_number_level_and_creates_each_configuration_after_the_strategies()
    {
        await using var harness = await SyncHarness.StartAsync("inbound");

        var plan = await harness.PlanAsync();

        Assert.DoesNotContain(harness.Platform.Requests, request => request.IsWrite);
        // The support line names the support bot; the shared short code names nothing and is left as it is.
        var number = Assert.Single(plan.Operations, operation => operation.Kind == PlatformKind.Number);
        Assert.Equal((PlanAction.Update, new PlatformNumber("NK-support-line", "support-bot", null)), (number.Action, number.Desired));
        List<PlannedOperation> configurations = [.. plan.Operations.Where(operation => operation.Kind == PlatformKind.InboundConfiguration)];
        Assert.All(configurations, operation => Assert.Equal(PlanAction.Create, operation.Action));
        Assert.Equal(
            [
                "NK-promo-shortcode SMS DEALS -> marketing/wholesale",
                "NK-promo-shortcode SMS JOIN -> marketing/retail",
                "NK-support-line MMS (no keyword) -> support-bot/-",
                "NK-support-line SMS (no keyword) -> default/retail",
                "NK-support-line SMS BILLING -> billing/retail",
                "NK-support-line SMS PARTNER -> support-bot/wholesale",
            ],
            configurations.Select(operation => operation.Desired.ToString()).Order(StringComparer.Ordinal));
        // Applications and entities, then associations, then numbers and inbound configurations.
        Assert.Equal(plan.Operations.OrderBy(operation => operation.Kind).Select(operation => operation.Kind), plan.Operations.Select(operation => operation.Kind));
        Assert.DoesNotContain(plan.NotSynced, item => item.Owner.StartsWith("InboundConfiguration/", StringComparison.Ordinal) || item.Owner == "Resource/support-line");
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task A_declared_number_the_account_does_not_hold_is_reported_not_bought()
    {
        await using var harness = await SyncHarness.StartAsync("inbound", holdNumbers: false);

        (var plan, var report) = await harness.ApplyAsync();

        Assert.DoesNotContain(plan.Operations, operation => operation.Kind == PlatformKind.Number);
        Assert.Contains(plan.Reported, line => line.StartsWith("Number NK-support-line: declared by Resource/support-line, not on the account", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Platform.Requests, request => request.Path.StartsWith("/numbers/", StringComparison.Ordinal) && request.IsWrite);
        Assert.Empty(harness.Platform.Account.Numbers);
        // The configurations of a number the account lacks are refused by the platform: the pass stops and says so.
        Assert.Equal(PlatformKind.InboundConfiguration, report.Failed?.Operation.Kind);
        Assert.Equal(404, report.Failed?.Error.Status);
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task Apply_records_the_platform_keys_and_a_second_plan_matches_each_configuration_by_its_natural_key()
    {
        await using var harness = await SyncHarness.StartAsync("inbound");

        (_, var report) = await harness.ApplyAsync();
        var again = await harness.PlanAsync();

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.True(again.IsEmpty, string.Join("\n", again.Operations));
        Assert.Equal(harness.Objects.OfType<InboundConfiguration>().Select(DeclaredAccount.Owner).Order(StringComparer.Ordinal), again.ConfigurationKeys.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(harness.Platform.Account.InboundConfigurations.Select(item => item.ConfigurationKey).Order(StringComparer.Ordinal), again.ConfigurationKeys.Values.Order(StringComparer.Ordinal));
        Assert.All(again.ConfigurationKeys, pair => Assert.Equal(
            new RecordEntry(pair.Key, Created: true, harness.Platform.Account.InboundConfigurations.Where(item => item.ConfigurationKey == pair.Value).Select(item => new InboundListing(item.NumberKey, item.Channel)).Single()),
            harness.Record.Find(PlatformKind.InboundConfiguration, pair.Value)));
        Assert.Equal(new RecordEntry("Resource/support-line", Created: false), harness.Record.Find(PlatformKind.Number, "NK-support-line"));
        PlatformSyncScenarioTests.AssertAccountEqualsGit(harness);
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task Configurations_and_number_levels_already_on_the_account_are_adopted()
    {
        await using var harness = await SyncHarness.StartAsync("inbound");
        harness.Platform.Account.PutApplication("support-bot", null);
        harness.Platform.Account.PutNumber("NK-support-line", "13125550121", "US", "support-bot");
        var existing = harness.Platform.Account.PutInboundConfiguration(new JsonObject
        {
            ["channel"] = "MMS",
            ["numberKey"] = "NK-support-line",
            ["platform"] = new JsonObject { ["applicationId"] = "support-bot" },
            ["forwarding"] = new JsonObject { ["type"] = "PULL" },
        });

        (var plan, var report) = await harness.ApplyAsync();

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.DoesNotContain(plan.Operations, operation => operation.Kind == PlatformKind.Number || operation.Key == existing);
        Assert.Equal(existing, plan.ConfigurationKeys["InboundConfiguration/support-line-mms"]);
        Assert.Equal(new RecordEntry("InboundConfiguration/support-line-mms", Created: false, new InboundListing("NK-support-line", "MMS")), harness.Record.Find(PlatformKind.InboundConfiguration, existing));
        Assert.Equal(5, plan.Operations.Count(operation => operation.Kind == PlatformKind.InboundConfiguration));
        PlatformSyncScenarioTests.AssertAccountEqualsGit(harness);
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task Drift_of_a_number_level_and_a_configuration_is_repaired_and_a_foreign_configuration_kept()
    {
        await using var harness = await SyncHarness.StartAsync("inbound");
        await harness.ApplyAsync();
        harness.Platform.Account.PutNumber("NK-support-line", "13125550121", "US", "default");
        harness.Platform.Account.PutInboundConfiguration(new JsonObject
        {
            ["channel"] = "SMS",
            ["numberKey"] = "NK-support-line",
            ["keyword"] = "BILLING",
            ["platform"] = new JsonObject { ["applicationId"] = "support-bot" },
        });
        var foreign = harness.Platform.Account.PutInboundConfiguration(new JsonObject { ["channel"] = "SMS", ["numberKey"] = "NK-support-line", ["keyword"] = "HELLO" });

        var plan = await harness.PlanAsync();

        Assert.Equal(
            [$"{PlanAction.Update} {PlatformKind.Number} NK-support-line", $"{PlanAction.Update} {PlatformKind.InboundConfiguration} NK-support-line SMS BILLING -> billing/retail"],
            plan.Operations.Select(operation => $"{operation.Action} {operation.Kind} {(operation.Desired is PlatformInboundConfiguration configuration ? configuration : operation.Key)}"));
        Assert.Contains(plan.Reported, line => line.Contains(foreign, StringComparison.Ordinal) && line.Contains("not in Git", StringComparison.Ordinal));

        (_, var report) = await harness.ApplyAsync(prune: true);

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.Contains(harness.Platform.Account.InboundConfigurations, item => item.ConfigurationKey == foreign);
        Assert.Equal(
            [("billing", "retail")],
            harness.Platform.Account.InboundConfigurations.Where(item => item.Keyword == "BILLING").Select(item => (item.ApplicationId, item.EntityId)));
        Assert.True((await harness.PlanAsync()).IsEmpty);
        Assert.Empty(harness.Platform.Violations);
    }

    [Theory]
    [MemberData(nameof(UpsertReadings))]
    public async Task An_edited_configuration_is_updated_in_place_or_replaced_leaving_one_per_natural_key(InboundConfigurationUpsert upsert)
    {
        await using var harness = await SyncHarness.StartAsync("inbound", new PlatformDoubleOptions { InboundConfigurationUpsert = upsert });
        await harness.ApplyAsync();
        var before = (await harness.PlanAsync()).ConfigurationKeys["InboundConfiguration/support-line-default"];
        var requests = harness.Platform.Requests.Count;

        // From "entity retail on the default application" to the billing application with no entity.
        var edited = harness.Find<InboundConfiguration>("support-line-default");
        edited.Spec = edited.Spec with { ApplicationRef = new LocalObjectReference { Name = "billing" }, EntityRef = null };
        (var plan, var report) = await harness.ApplyAsync();

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.Equal([$"{PlanAction.Update} {before}"], plan.Operations.Select(operation => $"{operation.Action} {operation.Key}"));
        List<RecordedRequest> writes = [.. harness.Platform.Requests.Skip(requests).Where(request => request.IsWrite)];
        var now = Assert.Single(harness.Platform.Account.InboundConfigurations, item => item is { NumberKey: "NK-support-line", Channel: "SMS", Keyword: null });
        Assert.Equal(("billing", (string?)null), (now.ApplicationId, now.EntityId));
        if (upsert == InboundConfigurationUpsert.NaturalKey)
        {
            Assert.Equal([("POST", 200)], writes.Select(request => (request.Method, request.Status)));
            Assert.Equal(before, now.ConfigurationKey);
        }
        else
        {
            Assert.Equal([("POST", 200), ("DELETE", 204)], writes.Select(request => (request.Method, request.Status)));
            Assert.Null(harness.Record.Find(PlatformKind.InboundConfiguration, before));
        }

        Assert.Equal(new RecordEntry("InboundConfiguration/support-line-default", Created: true, new InboundListing("NK-support-line", "SMS")), harness.Record.Find(PlatformKind.InboundConfiguration, now.ConfigurationKey));
        Assert.True((await harness.PlanAsync()).IsEmpty);
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task A_configuration_deleted_in_git_is_deleted_only_with_prune_and_a_changed_keyword_is_one_create_and_one_delete()
    {
        await using var harness = await SyncHarness.StartAsync("inbound");
        await harness.ApplyAsync();
        harness.Objects.Remove(harness.Find<InboundConfiguration>("support-line-partner"));
        var renamed = harness.Find<InboundConfiguration>("promo-deals");
        renamed.Spec = renamed.Spec with { Keyword = "OFFERS" };

        (var kept, _) = await harness.ApplyAsync(prune: false);

        Assert.Equal(
            [$"{PlanAction.Create} NK-promo-shortcode SMS OFFERS", $"{PlanAction.Delete} InboundConfiguration/promo-deals"],
            kept.Operations.Select(operation => $"{operation.Action} {(operation.Action == PlanAction.Create ? operation.Key : operation.Owner)}"));
        Assert.Contains(kept.Reported, line => line.Contains("InboundConfiguration/support-line-partner is gone; kept because prune is off", StringComparison.Ordinal));
        Assert.Contains(harness.Platform.Account.InboundConfigurations, item => item.Keyword == "PARTNER");
        Assert.DoesNotContain(harness.Platform.Account.InboundConfigurations, item => item.Keyword == "DEALS");

        (var pruned, var report) = await harness.ApplyAsync(prune: true);

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.Equal([(PlanAction.Delete, "InboundConfiguration/support-line-partner")], pruned.Operations.Select(operation => (operation.Action, operation.Owner!)));
        PlatformSyncScenarioTests.AssertAccountEqualsGit(harness);
        Assert.DoesNotContain(harness.Platform.Account.InboundConfigurations, item => item.Keyword == "PARTNER");
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task A_configuration_whose_number_and_channel_no_longer_appear_in_git_is_read_from_the_record_and_deleted_only_with_prune()
    {
        await using var harness = await SyncHarness.StartAsync("inbound");
        await harness.ApplyAsync();
        // The only MMS configuration of the support line: no InboundConfiguration names (NK-support-line, MMS) any more.
        var removed = Assert.Single(harness.Platform.Account.InboundConfigurations, item => item is { NumberKey: "NK-support-line", Channel: "MMS" }).ConfigurationKey;
        harness.Objects.Remove(harness.Find<InboundConfiguration>("support-line-mms"));

        (var kept, _) = await harness.ApplyAsync(prune: false);

        Assert.True(kept.IsEmpty, string.Join("\n", kept.Operations));
        Assert.Contains(kept.Reported, line => line == $"{PlatformKind.InboundConfiguration} {removed}: InboundConfiguration/support-line-mms is gone; kept because prune is off");
        Assert.Contains(harness.Platform.Account.InboundConfigurations, item => item.ConfigurationKey == removed);

        (var pruned, var report) = await harness.ApplyAsync(prune: true);

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.Equal([(PlanAction.Delete, removed, "InboundConfiguration/support-line-mms")], pruned.Operations.Select(operation => (operation.Action, operation.Key, operation.Owner!)));
        Assert.DoesNotContain(harness.Platform.Account.InboundConfigurations, item => item.Channel == "MMS");
        Assert.Null(harness.Record.Find(PlatformKind.InboundConfiguration, removed));
        PlatformSyncScenarioTests.AssertAccountEqualsGit(harness);
        Assert.True((await harness.PlanAsync(prune: true)).IsEmpty);
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task A_deleting_configuration_whose_number_and_channel_no_other_names_is_deleted_on_the_platform_without_prune()
    {
        await using var harness = await SyncHarness.StartAsync("inbound");
        await harness.ApplyAsync();
        var deleting = harness.Find<InboundConfiguration>("support-line-mms");
        deleting.Metadata.DeletionTimestamp = DateTime.UtcNow;

        (var plan, var report) = await harness.ApplyAsync(prune: false);

        // What the sync's finalizer waits for: without the recorded pair the delete was never planned.
        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.Equal([(PlanAction.Delete, "InboundConfiguration/support-line-mms is being deleted")], plan.Operations.Select(operation => (operation.Action, operation.Why)));
        Assert.DoesNotContain(harness.Platform.Account.InboundConfigurations, item => item.Channel == "MMS");
        Assert.DoesNotContain(harness.Record.Entries.Values, entry => entry.Owner == "InboundConfiguration/support-line-mms");
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task A_429_storm_on_the_numbers_and_inbound_endpoints_converges()
    {
        await using var harness = await SyncHarness.StartAsync("inbound");
        harness.Platform.InjectFaults(429, 3, "list-owned-numbers");
        harness.Platform.InjectFaults(500, 2, "update-owned-number");
        harness.Platform.InjectFaults(429, 3, "manage-inbound-configuration");

        (_, var report) = await harness.ApplyAsync();

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.True(harness.Platform.Requests.Count(request => request.Status is 429 or 500) >= 8);
        PlatformSyncScenarioTests.AssertAccountEqualsGit(harness);
        Assert.Empty(harness.Platform.Violations);
    }
}
