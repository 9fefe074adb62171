using System.CommandLine;
using System.Net;

using CpaasX.Operator.Hosting;
using CpaasX.Operator.WebConsole;

namespace CpaasX.Operator.Cli;

/// <summary>
/// <c>cpaasx-operator console [--kubeconfig PATH] [--context NAME] [--address 127.0.0.1:0] [--namespace NS]</c>: the
/// local web console over the cluster, as the kubeconfig's user; prints one line <c>Console: URL</c> and serves until
/// stopped (docs/console.md).
/// </summary>
internal static class ConsoleCommand
{
    public static Command Create(Func<string, string?>? environment = null)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "The cluster's kubeconfig (default KUBECONFIG, else ~/.kube/config, else in-cluster)." };
        var context = new Option<string?>("--context") { Description = "The kubeconfig context to use (default its current context)." };
        var address = new Option<string>("--address")
        {
            Description = "The loopback address and port to listen on (port 0 picks a free one).",
            DefaultValueFactory = _ => "127.0.0.1:0",
        };
        var @namespace = new Option<string?>("--namespace", "-n") { Description = "The namespace to show (default: every namespace you may list)." };
        var command = new Command("console", "Run the local web console over the cluster, as your kubeconfig's user.") { kubeconfig, context, address, @namespace };
        command.Action = new AsyncUsageCheckedAction(async (parseResult, cancellationToken) =>
        {
            var endpoint = LoopbackEndpoint(parseResult.GetRequiredValue(address));
            var configuration = ClusterConnection.Configure(parseResult.GetValue(kubeconfig), parseResult.GetValue(context), env);
            await using var console = await ConsoleServer.StartAsync(endpoint, configuration, parseResult.GetValue(@namespace), cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(console.Announcement);
            await RunCommand.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>The console holds the user's credentials: it never listens beyond this machine.</summary>
    private static IPEndPoint LoopbackEndpoint(string text) =>
        IPEndPoint.TryParse(text, out var endpoint) && IPAddress.IsLoopback(endpoint.Address)
            ? endpoint
            : throw new UsageException($"--address: '{text}' is not a loopback address and port (e.g. 127.0.0.1:0 or [::1]:8001).");
}
