using System.CommandLine;
using System.Net;

using CpaasX.Operator.Sidecar;
using CpaasX.Routing.Mounted;

namespace CpaasX.Operator.Cli;

/// <summary>
/// <c>cpaasx-operator routing-sidecar --dir DIR [--address 127.0.0.1:8081]</c>: serves the routing table mounted at DIR
/// over HTTP/JSON for a workload in any language, reloading it when the kubelet updates the ConfigMap, until stopped.
/// </summary>
internal static class RoutingSidecarCommand
{
    public const string DefaultAddress = "127.0.0.1:8081";

    public static Command Create()
    {
        var directory = new Option<string>("--dir")
        {
            Description = "The mounted routing ConfigMap directory (holding routing.json or routing.json.gz).",
            Required = true,
        };
        var address = new Option<string>("--address")
        {
            Description = "Where to listen, IP:PORT; keep it on loopback, the API has no authentication (port 0 picks a free one).",
            DefaultValueFactory = _ => DefaultAddress,
        };
        var command = new Command("routing-sidecar", "Serve a mounted routing table over HTTP/JSON (resolve outbound and inbound) to the workload next to it.")
        {
            directory,
            address,
        };
        command.Action = new AsyncUsageCheckedAction(async (parse, cancellationToken) =>
        {
            var listen = parse.GetRequiredValue(address);
            // IPEndPoint also reads a bare IP (port 0); a sidecar's port must be said.
            if (!IPEndPoint.TryParse(listen, out var endpoint) || !listen.Contains(':', StringComparison.Ordinal))
            {
                throw new UsageException($"--address: '{listen}' is not IP:PORT (e.g. {DefaultAddress}).");
            }

            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            using var routing = new RoutingTableDirectory(parse.GetRequiredValue(directory));
            // The holder raises these on its own threads; TextWriter.Synchronized keeps the lines whole.
            var log = TextWriter.Synchronized(output);
            var errorLog = TextWriter.Synchronized(error);
            routing.Changed += (_, table) => log.WriteLine($"routing table {table.Hash} loaded from {routing.Path}");
            routing.ReloadFailed += (_, exception) => errorLog.WriteLine($"routing table not reloaded from {routing.Path}, the previous one stays in use: {exception.Message}");
            await output.WriteLineAsync(routing.Current is { } table
                ? $"routing table {table.Hash} loaded from {routing.Path}"
                : $"no routing table in {routing.Path} yet ({routing.LastFailure?.Message}); not ready until one appears");
            await using var sidecar = await RoutingSidecar.StartAsync(routing, endpoint, cancellationToken);
            await output.WriteLineAsync($"Routing sidecar listening on {sidecar.Address}");
            await RunCommand.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
