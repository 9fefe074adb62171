using System.Diagnostics;

using CpaasX.ApiServer;

namespace CpaasX.Testing;

/// <summary>Runs the real kubectl on PATH against one cluster, with its own discovery cache folder.</summary>
public sealed class Kubectl : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("kubectl-test-").FullName;

    /// <summary>kubectl against an embedded server, through a kubeconfig written for it.</summary>
    public Kubectl(EmbeddedApiServer server)
    {
        KubeconfigPath = Path.Combine(_folder, "kubeconfig");
        server.WriteKubeconfig(KubeconfigPath);
    }

    /// <summary>kubectl against the cluster of an existing kubeconfig.</summary>
    public Kubectl(string kubeconfigPath)
    {
        KubeconfigPath = kubeconfigPath;
    }

    public string KubeconfigPath { get; }

    public async Task<KubectlResult> Run(string arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo("kubectl", $"--kubeconfig {KubeconfigPath} --cache-dir {Path.Combine(_folder, "cache")} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts kubectl without waiting, for commands such as <c>wait</c> that a test resolves meanwhile.</summary>
    public Task<KubectlResult> Start(string arguments) => Task.Run(() => Run(arguments));

    public async Task<KubectlResult> Ok(string arguments, string? stdin = null)
    {
        var result = await Run(arguments, stdin);
        Assert.True(result.ExitCode == 0, $"kubectl {arguments} failed ({result.ExitCode}): {result.Stderr}");
        return result;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
