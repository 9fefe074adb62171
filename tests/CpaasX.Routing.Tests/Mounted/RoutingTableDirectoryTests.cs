using System.Collections.Concurrent;
using System.IO.Compression;

using CpaasX.Routing.Model;
using CpaasX.Routing.Mounted;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;
using CpaasX.Testing;

using static CpaasX.Routing.Tests.Support.Senders;

namespace CpaasX.Routing.Tests.Mounted;

/// <summary>
/// The mounted-table holder against a directory written exactly as the kubelet writes a ConfigMap volume, while
/// resolves run on other threads.
/// </summary>
public sealed class RoutingTableDirectoryTests : IDisposable
{
    private const string App = "checkout-prod";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly OutboundRequest Checkout = new(App, null, Channel.Sms, "+13125550000");

    // Two versions of the namespace: the checkout sends from the New Jersey number, then from the New York one.
    private static readonly byte[] FromNewJersey = RoutingTableJson.Serialize(new RoutingTableBuilder("shop").Associate(NewJersey, App, null).Build());
    private static readonly byte[] FromNewYork = RoutingTableJson.Serialize(new RoutingTableBuilder("shop").Associate(NewYork, App, null).Build());

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("routing-directory-");
    private readonly KubeletAtomicWriter _kubelet;

    public RoutingTableDirectoryTests() => _kubelet = new KubeletAtomicWriter(_directory.FullName);

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Loads_the_mounted_table_with_the_hash_of_its_bytes()
    {
        _kubelet.Write(Plain(FromNewJersey));

        using var routing = new RoutingTableDirectory(_directory.FullName);

        Assert.Equal(RoutingTableJson.ContentHash(FromNewJersey), routing.Hash);
        Assert.Equal(NewJersey.Value, routing.Resolver.ResolveOutbound(Checkout).Sender?.Value);
        Assert.True(new FileInfo(Path.Combine(_directory.FullName, "..data")).LinkTarget is { } target && target.StartsWith("..20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_kubelet_swap_is_followed_and_no_concurrent_resolve_sees_a_torn_or_missing_table()
    {
        const int Swaps = 200;
        _kubelet.Write(Plain(FromNewJersey));
        using var routing = new RoutingTableDirectory(_directory.FullName);
        var changes = new BlockingCollection<string>();
        routing.Changed += (_, table) => changes.Add(table.Hash);
        var wrong = new ConcurrentQueue<string>();
        long resolves = 0;
        using var stop = new CancellationTokenSource();

        // Each reader takes one version and checks that its resolver answers what that version's hash says.
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Factory.StartNew(
            () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var current = routing.Current!;
                    var sender = current.Resolver.ResolveOutbound(Checkout).Sender?.Value;
                    var expected = current.Hash == RoutingTableJson.ContentHash(FromNewJersey) ? NewJersey.Value : NewYork.Value;
                    if (sender != expected)
                    {
                        wrong.Enqueue($"{current.Hash}: {sender ?? "not routed"}");
                    }

                    if (routing.Resolver.ResolveOutbound(Checkout).Sender is null)
                    {
                        wrong.Enqueue("not routed through Resolver");
                    }

                    Interlocked.Increment(ref resolves);
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();

        for (var swap = 1; swap <= Swaps; swap++)
        {
            var table = swap % 2 == 1 ? FromNewYork : FromNewJersey;
            // Every fifth version switches between routing.json and routing.json.gz, as the operator does for a large table.
            _kubelet.Write(swap % 10 < 5 ? Gzipped(table) : Plain(table));
            Assert.True(changes.TryTake(out var hash, Patience), $"swap {swap}: no Changed event within {Patience.TotalSeconds} s");
            Assert.Equal(RoutingTableJson.ContentHash(table), hash);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Empty(wrong);
        Assert.True(Interlocked.Read(ref resolves) > Swaps, $"only {resolves} resolves ran during {Swaps} swaps");
        Assert.Empty(changes);
        Assert.Equal(RoutingTableJson.ContentHash(FromNewJersey), routing.Hash);
        Assert.Single(Directory.GetDirectories(_directory.FullName, "..20*"));
    }

    [Fact]
    public void A_failed_reload_keeps_the_last_good_table_until_a_good_one_comes()
    {
        _kubelet.Write(Plain(FromNewJersey));
        using var routing = new RoutingTableDirectory(_directory.FullName);
        var failures = new BlockingCollection<Exception>();
        var changes = new BlockingCollection<string>();
        routing.ReloadFailed += (_, exception) => failures.Add(exception);
        routing.Changed += (_, table) => changes.Add(table.Hash);

        _kubelet.Write(Plain("{\"apiVersion\": \"routing.cpaasx.io/v1\", \"kind\": "u8.ToArray()));

        Assert.True(failures.TryTake(out var failure, Patience), "the torn table was not reported");
        Assert.IsType<System.Text.Json.JsonException>(failure, exactMatch: false);
        Assert.Equal(1, routing.ReloadFailures);
        Assert.Same(failure, routing.LastFailure);
        Assert.Equal(RoutingTableJson.ContentHash(FromNewJersey), routing.Hash);
        Assert.Equal(NewJersey.Value, routing.Resolver.ResolveOutbound(Checkout).Sender?.Value);

        _kubelet.Write(Plain(FromNewYork));

        Assert.True(changes.TryTake(out var hash, Patience), "the good table after the bad one was not loaded");
        Assert.Equal(RoutingTableJson.ContentHash(FromNewYork), hash);
        Assert.Null(routing.LastFailure);
        Assert.Equal(1, routing.ReloadFailures);
    }

    [Fact]
    public void Starts_without_a_table_and_loads_the_first_one_the_kubelet_writes()
    {
        using var routing = new RoutingTableDirectory(_directory.FullName);
        var changes = new BlockingCollection<string>();
        routing.Changed += (_, table) => changes.Add(table.Hash);

        Assert.Null(routing.Current);
        Assert.Contains("holds no routing table", Assert.Throws<InvalidOperationException>(() => routing.Resolver).Message, StringComparison.Ordinal);

        _kubelet.Write(Plain(FromNewYork));

        Assert.True(changes.TryTake(out var hash, Patience), "the first table was not loaded");
        Assert.Equal(RoutingTableJson.ContentHash(FromNewYork), hash);
        Assert.Equal(NewYork.Value, routing.Resolver.ResolveOutbound(Checkout).Sender?.Value);
        Assert.Equal(0, routing.ReloadFailures);
    }

    [Fact]
    public void A_table_file_replaced_in_a_plain_directory_is_reloaded_by_the_poll()
    {
        var file = Path.Combine(_directory.FullName, RoutingTableFiles.Json);
        File.WriteAllBytes(file, FromNewJersey);
        using var routing = new RoutingTableDirectory(_directory.FullName, pollInterval: TimeSpan.FromMilliseconds(100));
        var changes = new BlockingCollection<string>();
        routing.Changed += (_, table) => changes.Add(table.Hash);

        File.WriteAllBytes(file + ".new", FromNewYork);
        File.Move(file + ".new", file, overwrite: true);

        Assert.True(changes.TryTake(out var hash, Patience), "the replaced file was not loaded");
        Assert.Equal(RoutingTableJson.ContentHash(FromNewYork), hash);
    }

    private static Dictionary<string, byte[]> Plain(byte[] table) => new() { [RoutingTableFiles.Json] = table };

    private static Dictionary<string, byte[]> Gzipped(byte[] table)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(table);
        }

        return new() { [RoutingTableFiles.Gzip] = buffer.ToArray() };
    }
}
