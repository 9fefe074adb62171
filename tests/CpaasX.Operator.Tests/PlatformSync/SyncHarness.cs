using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.PlatformSync;
using CpaasX.Operator.Tests.Support;
using CpaasX.Testing.Platform;

namespace CpaasX.Operator.Tests.PlatformSync;

/// <summary>
/// A namespace's objects, the platform double they sync to and the record of what the sync manages: plan and apply
/// passes as the operator makes them, with the published throttling scaled from one second to a few milliseconds.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    public static readonly TimeSpan Unit = TimeSpan.FromMilliseconds(15);

    private SyncHarness(PlatformDouble platform, List<ICustomResource> objects)
    {
        Platform = platform;
        Objects = objects;
    }

    public PlatformDouble Platform { get; }

    /// <summary>The namespace's objects (what Git declares); scenarios edit this list.</summary>
    public List<ICustomResource> Objects { get; }

    public SyncRecord Record { get; } = new();

    /// <summary>
    /// The double with the sample set's numbers on its account, on application <c>default</c>, as bought (the sync
    /// never buys them); <paramref name="holdNumbers"/> false leaves them out.
    /// </summary>
    public static async Task<SyncHarness> StartAsync(string sampleSet, PlatformDoubleOptions? options = null, bool holdNumbers = true)
    {
        SyncHarness harness = new(await PlatformDouble.StartAsync((options ?? new PlatformDoubleOptions()) with { ThrottleUnit = Unit }), Sample(sampleSet));
        foreach (var number in harness.Objects.OfType<Resource>().Select(item => item.Spec.Number).OfType<NumberSpec>().Where(_ => holdNumbers))
        {
            harness.Platform.Account.PutNumber(number.NumberKey!, number.Number!, number.Country!);
        }

        return harness;
    }

    /// <summary>
    /// A sample set's objects. The samples' numbers mostly carry no numberKey (the platform assigns it at purchase);
    /// here each gets one derived from its name, as an account's numbers would have.
    /// </summary>
    public static List<ICustomResource> Sample(string set)
    {
        List<ICustomResource> objects = [.. ManifestReader.ReadPath(RepositoryRoot.Combine("config", "samples", set))
            .Select(document => document.Resource)
            .OfType<ICustomResource>()];
        foreach (var resource in objects.OfType<Resource>().Where(item => item.Spec.Number is { NumberKey: null }))
        {
            resource.Spec = resource.Spec with { Number = resource.Spec.Number! with { NumberKey = $"NK-{resource.Metadata.Name}" } };
        }

        return objects;
    }

    public PlatformClient Client(PlatformClientOptions? options = null) =>
        new(new PlatformBinding(Platform.BaseUrl, Platform.ApiKey), options ?? new PlatformClientOptions { RequestInterval = Unit, BackoffBase = Unit, BackoffCap = Unit * 8 });

    public DeclaredAccount Declared()
    {
        var namespaceName = Objects.Select(item => item.Metadata.NamespaceProperty).Distinct().SingleOrDefault() ?? "empty";
        return DeclaredAccount.From(NamespaceCompiler.Compile(
            NamespaceSnapshot.Of(namespaceName, Objects), ResourceValueIndex.Build(Objects.OfType<Resource>()), DateTimeOffset.UnixEpoch));
    }

    /// <summary>Reads the account and plans, as plan mode does.</summary>
    public async Task<SyncPlan> PlanAsync(bool prune = false, PlatformClient? client = null)
    {
        using var own = Client();
        var declared = Declared();
        var account = await (client ?? own).ReadAccountAsync(declared, Record, CancellationToken.None);
        return SyncPlanner.Plan(declared, account, Record, prune);
    }

    /// <summary>Plans and carries the plan out, as apply mode does.</summary>
    public async Task<(SyncPlan Plan, ApplyReport Report)> ApplyAsync(bool prune = false, CancellationToken cancellationToken = default)
    {
        using var client = Client();
        var plan = await PlanAsync(prune, client);
        return (plan, await PlanApplier.ApplyAsync(plan, client, Record, cancellationToken));
    }

    public T Find<T>(string name) where T : ICustomResource => Objects.OfType<T>().Single(item => item.Metadata.Name == name);

    public async ValueTask DisposeAsync() => await Platform.DisposeAsync();
}
