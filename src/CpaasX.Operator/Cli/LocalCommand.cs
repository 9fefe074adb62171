using System.CommandLine;
using System.Net;

using CpaasX.ApiServer;
using CpaasX.ApiServer.Identity;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.Local;
using CpaasX.Operator.WebConsole;

using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Cli;

/// <summary>
/// <c>local</c>: everything on this machine with only the .NET SDK: the embedded API server, the CRDs of config/crds,
/// the samples of config/samples, the operator reconciling them and the web console over them, until Ctrl+C.
/// </summary>
internal static class LocalCommand
{
    public const string DefaultKubeconfig = ".cpaasx/kubeconfig";

    public static Command Create()
    {
        var kubeconfig = new Option<string>("--kubeconfig")
        {
            Description = "Where to write the kubeconfig of the local API server.",
            DefaultValueFactory = _ => DefaultKubeconfig,
        };
        var port = new Option<int>("--port") { Description = "API server port on 127.0.0.1 (default 0: a free one).", DefaultValueFactory = _ => 0 };
        var noSamples = new Option<bool>("--no-samples") { Description = "Start without the samples of config/samples." };
        var configDir = new Option<string?>("--config-dir") { Description = "The config/ folder (default: found in the working folder or above)." };
        var command = new Command("local", "Run the embedded API server with the CRDs and samples installed, the operator against it, and the web console.")
        {
            kubeconfig, port, noSamples, configDir,
        };
        command.Action = new AsyncUsageCheckedAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var config = ConfigFolder.Find(parse.GetValue(configDir), Environment.CurrentDirectory);
            var kubeconfigPath = Path.GetFullPath(parse.GetValue(kubeconfig)!);
            await using var server = await EmbeddedApiServer.StartAsync(new EmbeddedApiServerOptions { Port = parse.GetValue(port) }, cancellationToken);
            using (var client = server.CreateClient())
            {
                var crds = await CrdInstaller.InstallAsync(client, Path.Combine(config, "crds"), cancellationToken);
                await output.WriteLineAsync($"Installed {crds.Count} CRDs from {Path.Combine(config, "crds")}");
                if (!parse.GetValue(noSamples))
                {
                    var applied = await ManifestApplier.ApplyAsync(client, Path.Combine(config, "samples"), cancellationToken);
                    await output.WriteLineAsync($"Applied {applied} objects from {Path.Combine(config, "samples")}");
                }
            }

            Directory.CreateDirectory(Path.GetDirectoryName(kubeconfigPath)!);
            server.WriteKubeconfig(kubeconfigPath);
            using var loggerFactory = OperatorLogging.Create(LogFormat.Text, LogLevel.Information);
            // Metrics in plain HTTP: on this machine only, and readable with curl without a token.
            var options = new OperatorOptions { HttpEndpoint = new IPEndPoint(IPAddress.Loopback, 0), MetricsEndpoint = new IPEndPoint(IPAddress.Loopback, 0), MetricsSecure = false };
            // The operator runs as its ServiceAccount's identity, as installed on a cluster; the kubeconfig's current context is the admin.
            await using var running = await OperatorInstance.StartAsync(
                options, server.ClientConfiguration(ApiIdentity.Operator), loggerFactory, cancellationToken);
            // The console is the user's look at the cluster, so it acts as the kubeconfig's current context: the admin.
            await using var console = await ConsoleServer.StartAsync(
                new IPEndPoint(IPAddress.Loopback, 0), server.ClientConfiguration(ApiIdentity.Admin), @namespace: null, cancellationToken);
            var shown = parse.GetValue(kubeconfig);
            await output.WriteLineAsync($$"""
                API server: {{server.BaseUrl}} (kubeconfig {{kubeconfigPath}})
                Operator:   {{running.HttpAddress}} (/healthz, /readyz), metrics {{running.MetricsAddress}}metrics
                {{console.Announcement}}
                Look with:
                  kubectl --kubeconfig {{shown}} get cpaasx -A
                  kubectl --kubeconfig {{shown}} get configmap {{options.ConfigMapName}} -n NAMESPACE -o jsonpath='{.data.routing\.json}'
                  dotnet run --project src/CpaasX.Operator -- resolve outbound --kubeconfig {{shown}} --namespace NAMESPACE --application APP --channel SMS --to +14155550100
                Stop with Ctrl+C.
                """);
            await RunCommand.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
