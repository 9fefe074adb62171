using System.CommandLine;

using CpaasX.ApiServer;

namespace CpaasX.Operator.Cli;

/// <summary><c>cpaasx-operator apiserver --kubeconfig PATH [--port N]</c>: runs the embedded API server until stopped.</summary>
internal static class ApiServerCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<FileInfo>("--kubeconfig")
        {
            Description = "Where to write a kubeconfig for kubectl and clients.",
            Required = true,
        };
        var port = new Option<int>("--port")
        {
            Description = "Port on 127.0.0.1 (0 picks a free one).",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("apiserver", "Run the embedded development and test Kubernetes API server (in memory, 127.0.0.1).")
        {
            kubeconfig,
            port,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var server = await EmbeddedApiServer.StartAsync(new EmbeddedApiServerOptions { Port = parse.GetValue(port) }, cancellationToken);
            var path = parse.GetValue(kubeconfig)!.FullName;
            server.WriteKubeconfig(path);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Embedded API server listening on {server.BaseUrl}");
            await output.WriteLineAsync($"kubeconfig written to {path} (it holds this run's tokens; contexts: {string.Join(", ", server.Identities.Select(identity => identity.Name))}); stop with Ctrl+C.");
            // Ctrl+C or SIGTERM: dispose the server and exit cleanly.
            await RunCommand.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
