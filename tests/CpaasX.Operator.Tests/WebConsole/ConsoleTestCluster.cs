using System.Net;

using CpaasX.ApiServer.Identity;
using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.WebConsole;
using CpaasX.Testing;

namespace CpaasX.Operator.Tests.WebConsole;

/// <summary>
/// The console's test bed: the embedded API server with the operator running and the environments and inbound
/// samples Ready, and two consoles over it, one as the admin and one as the read-only viewer.
/// </summary>
public sealed class ConsoleTestCluster : IAsyncLifetime
{
    private static readonly string[] Sets = ["environments", "inbound"];

    internal OperatorCluster Cluster { get; private set; } = null!;

    public Kubectl Kubectl { get; private set; } = null!;

    public ConsoleServer Admin { get; private set; } = null!;

    public ConsoleServer Viewer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await OperatorCluster.StartAsync();
        Kubectl = new Kubectl(Cluster.Server);
        await Cluster.StartOperatorAsync();
        foreach (var set in Sets)
        {
            await EmbeddedSamples.WaitUntilRoutedAsync(Cluster, set, await EmbeddedSamples.ApplyAsync(Cluster, set));
        }

        Admin = await StartConsoleAsync(ApiIdentity.Admin);
        Viewer = await StartConsoleAsync(ApiIdentity.Viewer);
    }

    /// <summary>A console over every namespace as <paramref name="identity"/>, on a free loopback port.</summary>
    public Task<ConsoleServer> StartConsoleAsync(ApiIdentity identity) =>
        ConsoleServer.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), Cluster.Server.ClientConfiguration(identity), null, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Viewer.DisposeAsync();
        await Admin.DisposeAsync();
        Kubectl.Dispose();
        await Cluster.DisposeAsync();
    }
}
