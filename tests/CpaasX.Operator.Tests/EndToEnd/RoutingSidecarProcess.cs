using System.Diagnostics;

using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.EndToEnd;

/// <summary>
/// <c>cpaasx-operator routing-sidecar</c> run as its own process (the operator's build next to the tests), on a free
/// loopback port read from its "listening on" line.
/// </summary>
internal sealed class RoutingSidecarProcess : IAsyncDisposable
{
    private readonly Process _process;

    private RoutingSidecarProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RoutingSidecarProcess> StartAsync(string directory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "cpaasx-operator.dll"), "routing-sidecar", "--dir", directory, "--address", "127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        const string Listening = "Routing sidecar listening on ";
        using var limit = new CancellationTokenSource(OperatorCluster.PatienceLimit);
        while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.StartsWith(Listening, StringComparison.Ordinal))
            {
                // Keep draining its output so that its log lines never block it.
                _ = process.StandardOutput.ReadToEndAsync();
                return new RoutingSidecarProcess(process, new Uri(line[Listening.Length..]));
            }
        }

        throw new InvalidOperationException($"routing-sidecar exited with {await ExitCodeAsync(process)} before listening.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static async Task<int> ExitCodeAsync(Process process)
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
