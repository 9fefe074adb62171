using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.Writing;

using k8s;
using k8s.Models;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CpaasX.Operator.Tests.Writing;

/// <summary>Events are aggregated as client-go's recorder does: a repeat counts on the stored Event.</summary>
public sealed class EventRecorderTests : IAsyncLifetime
{
    private const string Namespace = "shop";
    private static readonly V1ObjectReference MainLine = new() { ApiVersion = "cpaasx.io/v1alpha1", Kind = "Resource", Name = "main-line", NamespaceProperty = Namespace, Uid = "uid-1" };
    private static readonly PlannedEvent Duplicate = new(PlannedEvent.Warning, "Duplicate", "The number +12015550101 is declared by Resource other/main-line too.");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private OperatorCluster _cluster = null!;
    private EventRecorder _recorder = null!;

    public async Task InitializeAsync()
    {
        _cluster = await OperatorCluster.StartAsync(installCrds: false);
        await _cluster.CreateNamespaceAsync(Namespace);
        _recorder = new EventRecorder(_cluster.Client, "test", _time, NullLogger.Instance);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task The_same_event_again_increments_the_count_and_last_timestamp_of_one_Event()
    {
        await _recorder.RecordAsync(MainLine, Duplicate, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await _recorder.RecordAsync(MainLine, Duplicate, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await _recorder.RecordAsync(MainLine, Duplicate, CancellationToken.None);

        var recorded = Assert.Single(await _cluster.EventsAsync(Namespace));
        Assert.Equal(3, recorded.Count);
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddMinutes(-2), recorded.FirstTimestamp);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, recorded.LastTimestamp);
    }

    [Fact]
    public async Task Another_message_or_another_object_is_another_Event()
    {
        await _recorder.RecordAsync(MainLine, Duplicate, CancellationToken.None);
        await _recorder.RecordAsync(MainLine, Duplicate with { Message = "Another message." }, CancellationToken.None);
        await _recorder.RecordAsync(new V1ObjectReference { ApiVersion = MainLine.ApiVersion, Kind = "Resource", Name = "backup-line", NamespaceProperty = Namespace, Uid = "uid-2" }, Duplicate, CancellationToken.None);

        var recorded = await _cluster.EventsAsync(Namespace);
        Assert.Equal(3, recorded.Count);
        Assert.All(recorded, e => Assert.Equal(1, e.Count));
    }

    [Fact]
    public async Task A_repeat_of_an_Event_deleted_meanwhile_creates_a_new_one()
    {
        await _recorder.RecordAsync(MainLine, Duplicate, CancellationToken.None);
        var first = Assert.Single(await _cluster.EventsAsync(Namespace));
        await _cluster.Client.CoreV1.DeleteNamespacedEventAsync(first.Metadata.Name, Namespace);

        await _recorder.RecordAsync(MainLine, Duplicate, CancellationToken.None);

        var second = Assert.Single(await _cluster.EventsAsync(Namespace));
        Assert.NotEqual(first.Metadata.Name, second.Metadata.Name);
        Assert.Equal(1, second.Count);
    }
}
