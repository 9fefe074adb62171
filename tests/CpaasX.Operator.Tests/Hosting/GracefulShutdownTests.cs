using System.Diagnostics;
using System.Text;

using CpaasX.Operator.Cli;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.Runtime.LeaderElection;
using CpaasX.Operator.Runtime.ReconcileLoop;
using CpaasX.Operator.Tests.Install;
using CpaasX.Operator.Tests.Support;

using k8s;

namespace CpaasX.Operator.Tests.Hosting;

/// <summary>
/// <c>run</c> as a process, as the Deployment runs it: SIGTERM stops it gracefully, it exits 0 and releases the Lease,
/// so the other replica leads at once instead of after a lease duration.
/// </summary>
public sealed class GracefulShutdownTests
{
    /// <summary>What the issue promises for a failover on SIGTERM; a lease duration (15 s by default) is far longer.</summary>
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Sigterm_exits_0_releases_the_lease_and_the_other_replica_leads_within_2_seconds()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("cpaasx-shutdown-").FullName, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, cluster.Server.Kubeconfig());
        using var process = StartRun(kubeconfig);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await OperatorCluster.EventuallyAsync(async () => await HolderAsync(cluster) is { Length: > 0 }, "the process leads");
            var processHolder = await HolderAsync(cluster);

            // The follower's lease duration is the default: only a released lease lets it lead within the limit.
            var follower = await cluster.StartOperatorAsync(new OperatorOptions { LeaderElect = true, RetryPeriod = TimeSpan.FromMilliseconds(200) });
            await follower.WaitUntilReadyAsync(CancellationToken.None);
            Assert.False(follower.IsWriting);

            await ExternalCommand.RunAsync("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Environment.CurrentDirectory);
            using var exitWait = new CancellationTokenSource(RunCommand.ShutdownTimeout + TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(exitWait.Token);
            var exited = Stopwatch.StartNew();

            Assert.True(process.ExitCode == 0, $"run exited with {process.ExitCode}:\n{output}");
            Assert.Contains("Released lease", output.ToString(), StringComparison.Ordinal);
            await OperatorCluster.EventuallyAsync(() => Task.FromResult(follower.IsWriting), "the follower leads");
            Assert.True(exited.Elapsed < FailoverLimit, $"the follower led only {exited.Elapsed} after the process exited");
            Assert.NotEqual(processHolder, await HolderAsync(cluster));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task The_shutdown_fits_in_the_pods_termination_grace_period()
    {
        var deployment = (await Manifests.RenderAsync(InstallManifest.DefaultKustomization)).Single(o => o.Kind == "Deployment");
        var terminationGrace = TimeSpan.FromSeconds(int.Parse(
            deployment.Scalar("spec", "template", "spec", "terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(ControllerSettings.DefaultShutdownGracePeriod + LeaderElectionSettings.DefaultRenewDeadline <= RunCommand.ShutdownTimeout);
        Assert.True(RunCommand.ShutdownTimeout < terminationGrace, $"{RunCommand.ShutdownTimeout} must end before the kubelet's SIGKILL at {terminationGrace}");
    }

    private static Process StartRun(string kubeconfig)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "cpaasx-operator.dll"), "run", "--leader-elect", "--lease-namespace", "default",
            "--http-address", "127.0.0.1:0", "--metrics-address", "127.0.0.1:0", "--kubeconfig", kubeconfig,
        })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the operator.");
    }

    private static async Task<string?> HolderAsync(OperatorCluster cluster)
    {
        try
        {
            var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync(LeaderElectionSettings.DefaultLeaseName, "default");
            return lease.Spec?.HolderIdentity;
        }
        catch (k8s.Autorest.HttpOperationException error) when (error.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
