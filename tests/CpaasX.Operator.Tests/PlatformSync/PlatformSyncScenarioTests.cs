using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.PlatformSync;
using CpaasX.Testing.Platform;

namespace CpaasX.Operator.Tests.PlatformSync;

/// <summary>
/// The sync against the contract double built from the published specs: every scenario ends with the double having
/// seen no request or answer outside the specs.
/// </summary>
public sealed class PlatformSyncScenarioTests
{
    public static TheoryData<string> Sets() => ["customers", "environments", "inbound"];

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task Plan_of_the_samples_writes_nothing_and_creates_everything_declared(string set)
    {
        await using var harness = await SyncHarness.StartAsync(set);

        var plan = await harness.PlanAsync();

        Assert.DoesNotContain(harness.Platform.Requests, request => request.IsWrite);
        var declared = harness.Declared();
        // Everything is created but the numbers' number level: the numbers are the account's, updated in place.
        Assert.All(plan.Operations, operation => Assert.Equal(operation.Kind == PlatformKind.Number ? PlanAction.Update : PlanAction.Create, operation.Action));
        Assert.Equal(
            declared.Applications.Count + declared.Entities.Count + declared.Associations.Count + declared.Strategies.Count
                + declared.Numbers.Count + declared.InboundConfigurations.Count,
            plan.Operations.Count);
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task Plan_of_the_customers_sample_says_what_it_does_and_what_has_no_platform_api()
    {
        await using var harness = await SyncHarness.StartAsync("customers");

        var plan = await harness.PlanAsync();

        Assert.Equal(["Application notifier", "Entity acme", "Entity globex-corporation", "Entity initech"],
            plan.Operations.Take(4).Select(operation => $"{operation.Kind} {operation.Key}").Order(StringComparer.Ordinal));
        Assert.Contains(plan.Operations, operation => operation.Desired.Equals(new AssociationKey("NUMBER", "SMS", "notifier", "acme", "NK-acme-nj")));
        Assert.Contains(plan.Operations, operation => operation.Desired is AssociationKey { ResourceType: "ALPHA", Channel: "SMS", ApplicationId: "notifier", EntityId: "initech" });
        Assert.Equal(5, plan.Operations.Count(operation => operation.Kind == PlatformKind.Association));
        Assert.Equal(3, plan.Operations.Count(operation => operation.Kind == PlatformKind.SendingStrategy));
        // Applications and entities first, strategies last.
        Assert.Equal(plan.Operations.OrderBy(operation => operation.Kind).Select(operation => operation.Kind), plan.Operations.Select(operation => operation.Kind));
        Assert.Contains(plan.NotSynced, item => item.Owner == "ResourceAssociation/globex-tollfree-voice" && item.Reason.StartsWith(PlatformMapping.NoPlatformApi, StringComparison.Ordinal));
        Assert.Contains(plan.NotSynced, item => item.Owner == "ResourceAssociation/initech-whatsapp" && item.Reason.StartsWith(PlatformMapping.NoPlatformApi, StringComparison.Ordinal));
        Assert.Equal("12 to create, 0 to update, 0 to delete, 0 in sync, 0 left alone, 2 not synced", plan.Summary());
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task Apply_makes_the_account_hold_what_git_declares_and_a_second_plan_is_empty(string set)
    {
        await using var harness = await SyncHarness.StartAsync(set);

        (_, var report) = await harness.ApplyAsync();

        Assert.True(report.Complete, report.Failed?.Error.Message);
        AssertAccountEqualsGit(harness);
        var again = await harness.PlanAsync();
        Assert.True(again.IsEmpty, string.Join("\n", again.Operations));
        // Each SenderStrategy is matched to the strategy apply created for it, by the platform's own key.
        Assert.Equal(harness.Objects.OfType<SenderStrategy>().Select(DeclaredAccount.Owner).Order(StringComparer.Ordinal), again.StrategyIds.Keys.Order(StringComparer.Ordinal));
        Assert.All(again.StrategyIds, pair => Assert.Equal(new RecordEntry(pair.Key, Created: true), harness.Record.Find(PlatformKind.SendingStrategy, pair.Value)));
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task Moving_one_association_is_exactly_one_delete_and_one_create()
    {
        await using var harness = await SyncHarness.StartAsync("customers", new PlatformDoubleOptions { AssociationUniqueness = AssociationUniqueness.ResourceAndChannel });
        await harness.ApplyAsync();
        var before = harness.Platform.Requests.Count;

        var moved = harness.Find<ResourceAssociation>("acme-nj-sms");
        moved.Spec = moved.Spec with { EntityRef = new LocalObjectReference { Name = "globex" } };
        (var plan, var report) = await harness.ApplyAsync();

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.Equal(
            [$"{PlanAction.Delete} NUMBER NK-acme-nj SMS -> notifier/acme", $"{PlanAction.Create} NUMBER NK-acme-nj SMS -> notifier/globex-corporation"],
            plan.Operations.Select(operation => $"{operation.Action} {operation.Key}"));
        List<RecordedRequest> writes = [.. harness.Platform.Requests.Skip(before).Where(request => request.IsWrite)];
        Assert.Equal([("DELETE", 204), ("POST", 201)], writes.Select(request => (request.Method, request.Status)));
        AssertAccountEqualsGit(harness);
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task Objects_already_on_the_account_are_adopted_not_created()
    {
        await using var harness = await SyncHarness.StartAsync("customers");
        harness.Platform.Account.PutApplication("notifier", "Notification service");
        harness.Platform.Account.PutEntity("acme", "ACME Corp");
        harness.Platform.Account.PutAssociation(new PlatformAssociation("NUMBER", "SMS", "notifier", "acme", "NK-acme-nj"));

        (var plan, var report) = await harness.ApplyAsync();

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.Equal(3, plan.InSync);
        Assert.DoesNotContain(plan.Operations, operation => operation.Key is "notifier" or "acme");
        Assert.Equal(new RecordEntry("Application/notifier", Created: false), harness.Record.Find(PlatformKind.Application, "notifier"));
        Assert.Equal(new RecordEntry("Entity/initech", Created: true), harness.Record.Find(PlatformKind.Entity, "initech"));
        Assert.DoesNotContain(harness.Platform.Requests, request => request.Status == 409);
        AssertAccountEqualsGit(harness);
    }

    [Fact]
    public async Task A_create_answered_409_adopts_the_existing_object_and_repairs_its_name()
    {
        await using var harness = await SyncHarness.StartAsync("customers");
        var plan = await harness.PlanAsync();
        // Someone creates the application between the plan and the apply.
        harness.Platform.Account.PutApplication("notifier", "made by hand");

        using var client = harness.Client();
        var report = await PlanApplier.ApplyAsync(plan, client, harness.Record, CancellationToken.None);

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.Contains(harness.Platform.Requests, request => request is { Method: "POST", Status: 409 });
        Assert.Equal("Notification service", harness.Platform.Account.Applications["notifier"]);
        Assert.False(harness.Record.Find(PlatformKind.Application, "notifier")!.Created);
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task Drift_on_the_platform_is_reported_by_plan_and_repaired_by_apply()
    {
        await using var harness = await SyncHarness.StartAsync("customers");
        await harness.ApplyAsync();
        harness.Platform.Account.PutApplication("notifier", "renamed in the web interface");
        Assert.True(harness.Platform.Account.RemoveAssociation(new PlatformAssociation("NUMBER", "SMS", "notifier", "acme", "NK-acme-ca")));
        PlatformAssociation foreign = new("NUMBER", "MMS", "default", null, "NK-someone-else");
        harness.Platform.Account.PutAssociation(foreign);

        var plan = await harness.PlanAsync();

        Assert.Equal(
            [$"{PlanAction.Update} notifier", $"{PlanAction.Create} NUMBER NK-acme-ca SMS -> notifier/acme"],
            plan.Operations.Select(operation => $"{operation.Action} {operation.Key}"));
        Assert.Contains(plan.Reported, line => line.Contains("NK-someone-else", StringComparison.Ordinal) && line.Contains("not in Git", StringComparison.Ordinal));

        (_, var report) = await harness.ApplyAsync(prune: true);

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.Equal("Notification service", harness.Platform.Account.Applications["notifier"]);
        Assert.Contains(foreign, harness.Platform.Account.Associations);
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task An_association_deleted_in_git_is_deleted_only_with_prune()
    {
        await using var harness = await SyncHarness.StartAsync("customers");
        await harness.ApplyAsync();
        PlatformAssociation gone = new("ALPHA", "SMS", "notifier", "acme", ((Resource)harness.Objects.Single(item => item.Metadata.Name == "acme-alpha")).Spec.Alpha!.Sender!);
        harness.Objects.Remove(harness.Find<ResourceAssociation>("acme-alpha-sms"));

        (var kept, _) = await harness.ApplyAsync(prune: false);

        Assert.Empty(kept.Operations);
        Assert.Contains(kept.Reported, line => line.Contains("prune is off", StringComparison.Ordinal));
        Assert.Contains(gone, harness.Platform.Account.Associations);

        (var pruned, var report) = await harness.ApplyAsync(prune: true);

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.Equal([PlanAction.Delete], pruned.Operations.Select(operation => operation.Action));
        Assert.DoesNotContain(gone, harness.Platform.Account.Associations);
        AssertAccountEqualsGit(harness);
    }

    [Fact]
    public async Task A_deleted_namespace_prunes_only_what_the_operator_created_and_never_the_default_application()
    {
        await using var harness = await SyncHarness.StartAsync("customers");
        harness.Platform.Account.PutEntity("acme", "ACME Corp");
        await harness.ApplyAsync();
        harness.Objects.Clear();

        (var plan, var report) = await harness.ApplyAsync(prune: true);

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.Equal(["default"], harness.Platform.Account.Applications.Keys);
        // acme was adopted, not created: it stays, and so do the associations nothing recorded.
        Assert.Equal(["acme"], harness.Platform.Account.Entities.Keys);
        Assert.Empty(harness.Platform.Account.Associations);
        Assert.Empty(harness.Platform.Account.Strategies);
        // Associations and strategies go before the applications and entities they name.
        Assert.Equal(plan.Operations.Count - 3, plan.Operations.ToList().FindIndex(operation => operation.Kind is PlatformKind.Application or PlatformKind.Entity));
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task A_revoked_key_fails_the_pass_with_401_without_retrying_or_writing()
    {
        await using var harness = await SyncHarness.StartAsync("customers");
        var plan = await harness.PlanAsync();
        harness.Platform.RevokeKey();

        var read = await Assert.ThrowsAsync<PlatformApiException>(() => harness.PlanAsync());
        using var client = harness.Client();
        var report = await PlanApplier.ApplyAsync(plan, client, harness.Record, CancellationToken.None);

        Assert.True(read.IsAccessDenied);
        Assert.Equal(401, report.Failed?.Error.Status);
        Assert.Equal(plan.Operations.Count, report.Pending);
        Assert.Single(harness.Platform.Requests, request => request.IsWrite);
        Assert.Empty(harness.Record.Entries);
        Assert.DoesNotContain(harness.Platform.ApiKey, report.Failed!.Value.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_storm_and_5xx_bursts_converge()
    {
        await using var harness = await SyncHarness.StartAsync("environments");
        harness.Platform.InjectFaults(429, 5);
        harness.Platform.InjectFaults(500, 3, "create-resource-association");
        harness.Platform.InjectFaults(429, 4, "create-sending-strategy-v2");

        (_, var report) = await harness.ApplyAsync();

        Assert.True(report.Complete, report.Failed?.Error.Message);
        Assert.Contains(harness.Platform.Requests, request => request.Status == 500);
        Assert.True(harness.Platform.Requests.Count(request => request.Status == 429) >= 9);
        AssertAccountEqualsGit(harness);
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task A_pass_interrupted_mid_apply_is_resumed_without_a_duplicate_create()
    {
        await using var harness = await SyncHarness.StartAsync("environments");
        using CancellationTokenSource restart = new();
        // The restart comes as the platform answers its sixth accepted write: the platform made it, the pass never
        // learns so, and its record lacks it. Writes answered 429 or 5xx (retried) changed nothing, so they do not count.
        var applied = 0;
        harness.Platform.Answered += request =>
        {
            if (request is { IsWrite: true, Status: >= 200 and < 300 } && Interlocked.Increment(ref applied) == 6)
            {
                restart.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.ApplyAsync(cancellationToken: restart.Token));
        Assert.True(restart.IsCancellationRequested, "the interrupted pass stopped before the restart");
        Assert.Equal(5, harness.Record.Entries.Count);
        (var resumed, var report) = await harness.ApplyAsync();

        Assert.True(report.Complete, report.Failed?.Error.Message);
        // The six writes made are in sync; the one the record lost is adopted, not created again.
        Assert.Equal(6, resumed.InSync);
        Assert.Single(resumed.Adoptions);
        Assert.DoesNotContain(harness.Platform.Requests, request => request is { Method: "POST", Status: 409 });
        List<RecordedRequest> creates = [.. harness.Platform.Requests.Where(request => request is { Method: "POST", Status: 201 })];
        Assert.Empty(creates.GroupBy(request => request.Path + " " + request.Body).Where(same => same.Count() > 1).Select(same => same.Key));
        AssertAccountEqualsGit(harness);
        Assert.Empty(harness.Platform.Violations);
    }

    [Fact]
    public async Task A_request_left_unanswered_is_retried_and_then_fails_the_pass_not_taken_for_a_shutdown()
    {
        // A platform that accepts connections and never answers; each attempt comes on a new connection (a timed-out
        // one is not reused).
        using TcpListener silent = new(IPAddress.Loopback, 0);
        silent.Start();
        ConcurrentBag<Socket> held = [];
        using SemaphoreSlim accepted = new(0);
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                held.Add(await silent.AcceptSocketAsync());
                accepted.Release();
            }
        });
        using PlatformClient client = new(
            new PlatformBinding(new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}"), "key"),
            new PlatformClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 3, RequestInterval = SyncHarness.Unit, BackoffBase = SyncHarness.Unit });

        var error = await Assert.ThrowsAsync<PlatformApiException>(() => client.CreateAsync(PlatformKind.Application, new PlatformNamed("billing", "Billing"), CancellationToken.None));

        Assert.Equal(0, error.Status);
        Assert.Contains("answered nothing: no answer within 0.2 s", error.Message, StringComparison.Ordinal);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.True(await accepted.WaitAsync(TimeSpan.FromSeconds(30)), $"attempt {attempt} never connected");
        }

        silent.Stop();
        await Assert.ThrowsAnyAsync<Exception>(() => accepting);
        Assert.Equal(3, held.Count);
        foreach (var socket in held)
        {
            socket.Dispose();
        }
    }

    internal static void AssertAccountEqualsGit(SyncHarness harness)
    {
        var declared = harness.Declared();
        var account = harness.Platform.Account;
        Assert.Equal(
            declared.Applications.Select(item => (item.Value.Id, item.Value.Name)).Append(("default", account.Applications["default"])).Order(),
            account.Applications.Select(pair => (pair.Key, pair.Value)).Order());
        Assert.Equal(declared.Entities.Select(item => (item.Value.Id, item.Value.Name)).Order(), account.Entities.Select(pair => (pair.Key, pair.Value)).Order());
        Assert.Equal(
            declared.Associations.Select(item => item.Value.ToString()).Order(StringComparer.Ordinal),
            account.Associations.Select(item => new AssociationKey(item.ResourceType, item.Channel, item.ApplicationId, item.EntityId, item.ResourceId).ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            declared.Strategies.Select(item => $"{item.Value.Key} sticky={item.Value.UseStickySender} geo={item.Value.UseGeolocatedSender} {Priorities(item.Value.Priorities)}").Order(StringComparer.Ordinal),
            account.Strategies.Values.Select(item =>
                $"{new StrategyKey(item["platform"]?["applicationId"]?.GetValue<string>(), item["platform"]?["entityId"]?.GetValue<string>(), item["channel"]?.GetValue<string>(), item["destinationCountryCode"]?.GetValue<string>())}"
                + $" sticky={item["useStickySender"]!.GetValue<bool>()} geo={item["useGeolocatedSender"]!.GetValue<bool>()} {Priorities([.. (item["priorities"]?.AsArray() ?? []).Select(priority => new PlatformPriority(priority!["senderType"]!.GetValue<string>(), priority["priority"]!.GetValue<int>()))])}")
                .Order(StringComparer.Ordinal));
        Assert.All(declared.Numbers, number => Assert.Equal(
            (number.Value.ApplicationId, number.Value.EntityId),
            (account.Numbers[number.Value.NumberKey]["applicationId"]?.GetValue<string>(), account.Numbers[number.Value.NumberKey]["entityId"]?.GetValue<string>())));
        HashSet<(string, string)> declaredPairs = [.. declared.InboundConfigurations.Select(item => (item.Value.Key.NumberKey, item.Value.Key.Channel))];
        Assert.Equal(
            declared.InboundConfigurations.Select(item => item.Value.ToString()).Order(StringComparer.Ordinal),
            account.InboundConfigurations.Where(item => declaredPairs.Contains((item.NumberKey, item.Channel)))
                .Select(item => PlatformInboundConfiguration.Of(null, new InboundKey(item.NumberKey, item.Channel, item.Keyword), item.ApplicationId, item.EntityId).ToString())
                .Order(StringComparer.Ordinal));
    }

    private static string Priorities(IReadOnlyList<PlatformPriority> priorities) =>
        string.Join(",", priorities.Select(priority => $"{priority.SenderType}:{priority.Priority}").Order(StringComparer.Ordinal));
}
