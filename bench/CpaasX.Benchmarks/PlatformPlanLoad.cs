using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.PlatformSync;
using CpaasX.Testing.Platform;

namespace CpaasX.Benchmarks;

/// <summary>
/// The <c>platform-plan</c> scenario: a namespace of <see cref="SyntheticObjects"/> (--resources N, default 20000:
/// one SMS association per Resource) planned against the platform double with the published throttling (1 request
/// per second per endpoint; 2 on the inbound configuration list) and the client's default pacing. The account holds
/// every Resource's number and already every declared application, entity, association and inbound configuration
/// (not the strategies, which the plan then creates), so the plan is bounded by the list calls: the association
/// pages and one inbound configuration list per number and channel. Then the schedule an apply of the same
/// namespace into an account holding only its numbers would follow: its operations per endpoint, and the least
/// time the throttling allows for them.
/// </summary>
internal static class PlatformPlanLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var resources = ScenarioOptions.Int(args, "--resources", 20_000);
        var snapshot = SyntheticObjects.Snapshot(resources);
        foreach (var resource in snapshot.Resources.Where(item => item.Spec.Number is { NumberKey: null }))
        {
            resource.Spec = resource.Spec with { Number = resource.Spec.Number! with { NumberKey = $"NK-{resource.Metadata.Name}" } };
        }

        var declared = DeclaredAccount.From(NamespaceCompiler.Compile(snapshot, SyntheticObjects.Index(snapshot), DateTimeOffset.UnixEpoch));
        Console.WriteLine($"declared: {declared.Applications.Count} applications, {declared.Entities.Count} entities, "
            + $"{declared.Associations.Count} associations, {declared.Strategies.Count} strategies, {declared.InboundConfigurations.Count} inbound configurations, "
            + $"{declared.NotSynced.Count} not synced");

        await using var platform = await PlatformDouble.StartAsync();
        foreach (var number in snapshot.Resources.Select(item => item.Spec.Number).OfType<NumberSpec>())
        {
            platform.Account.PutNumber(number.NumberKey!, number.Number!, number.Country!);
        }

        using PlatformClient client = new(new PlatformBinding(platform.BaseUrl, platform.ApiKey));
        // A namespace syncing for the first time: an empty record (a synced one lists the same numbers and channels).
        SyncRecord record = new();
        var empty = SyncPlanner.Plan(declared, await client.ReadAccountAsync(declared, record, CancellationToken.None), record, prune: false);
        Seed(platform.Account, declared);

        // Let the throttling's buckets refill after the reads above, so the timed plan starts as a fresh pass would.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var stopwatch = Stopwatch.StartNew();
        var account = await client.ReadAccountAsync(declared, record, CancellationToken.None);
        var plan = SyncPlanner.Plan(declared, account, record, prune: false);
        stopwatch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plan against an account holding it all: {stopwatch.Elapsed.TotalSeconds:F1} s, {platform.Requests.Count(request => request.Method == "GET")} list requests in all, "
            + $"{plan.InSync} in sync, {plan.Operations.Count} operations, {platform.Requests.Count(request => request.Status == 429)} answered 429"));

        Console.WriteLine($"apply into an account holding only the numbers: {empty.Operations.Count} operations");
        foreach (var endpoint in empty.Operations.GroupBy(operation => (operation.Kind, operation.Action)).OrderBy(group => group.Key))
        {
            Console.WriteLine($"  {endpoint.Key.Action} {endpoint.Key.Kind}: {endpoint.Count()}");
        }

        // One request at a time, each endpoint at most once a second: the busiest endpoint bounds the schedule.
        var busiest = empty.Operations.GroupBy(operation => (operation.Kind, operation.Action)).Max(group => group.Count());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"apply schedule: at least {busiest} s ({TimeSpan.FromSeconds(busiest):h\\:mm\\:ss}) on the busiest endpoint; run one at a time, {empty.Operations.Count} s ({TimeSpan.FromSeconds(empty.Operations.Count):h\\:mm\\:ss}) at the throttled rate"));
        return platform.Violations.Count == 0 ? 0 : 1;
    }

    private static void Seed(PlatformAccount account, DeclaredAccount declared)
    {
        foreach (var application in declared.Applications)
        {
            account.PutApplication(application.Value.Id, application.Value.Name);
        }

        foreach (var entity in declared.Entities)
        {
            account.PutEntity(entity.Value.Id, entity.Value.Name);
        }

        foreach (var association in declared.Associations)
        {
            var key = association.Value;
            account.PutAssociation(new PlatformAssociation(key.ResourceType, key.Channel, key.ApplicationId, key.EntityId, key.ResourceId));
        }

        foreach (var configuration in declared.InboundConfigurations.Select(item => item.Value))
        {
            JsonObject request = new() { ["channel"] = configuration.Key.Channel, ["numberKey"] = configuration.Key.NumberKey };
            if (configuration.Key.Keyword is not null)
            {
                request["keyword"] = configuration.Key.Keyword;
            }

            if (configuration.ApplicationId is not null)
            {
                request["platform"] = configuration.EntityId is null
                    ? new JsonObject { ["applicationId"] = configuration.ApplicationId }
                    : new JsonObject { ["applicationId"] = configuration.ApplicationId, ["entityId"] = configuration.EntityId };
            }

            account.PutInboundConfiguration(request);
        }
    }
}
