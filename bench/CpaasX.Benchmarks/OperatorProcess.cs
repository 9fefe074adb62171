using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

using CpaasX.Operator.Hosting;

namespace CpaasX.Benchmarks;

/// <summary>The operator executable running <c>run</c> against the server, as a child process.</summary>
internal sealed class OperatorProcess : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly Uri _metrics;
    private readonly ConcurrentQueue<string> _errors;

    private OperatorProcess(Process process, int port, int metricsPort, ConcurrentQueue<string> errors)
    {
        _process = process;
        _errors = errors;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        _metrics = new Uri($"http://127.0.0.1:{metricsPort}/metrics");
    }

    /// <param name="arguments">More flags for <c>run</c> (e.g. <c>--settle-delay 100ms</c>).</param>
    public static OperatorProcess Start(string kubeconfig, params string[] arguments)
    {
        var port = ChildProcesses.FreePort();
        var metricsPort = ChildProcesses.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { typeof(OperatorInstance).Assembly.Location, "run", "--kubeconfig", kubeconfig, "--http-address", $"127.0.0.1:{port}", "--metrics-address", $"127.0.0.1:{metricsPort}", "--metrics-secure=false", "--log-format", "json" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;


        var errors = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                errors.Enqueue(text);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OperatorProcess(process, port, metricsPort, errors);
    }

    public long PeakRssMegabytes() => ChildProcesses.PeakRssMegabytes(_process);

    /// <summary>CPU time the operator has used so far (user and system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Namespace reconciles so far, whatever their result, as the operator's /metrics counts them.</summary>
    public Task<long> ReconcilesAsync() => ReconcileCountAsync("controller_runtime_reconcile_total{");

    /// <summary>Waits until /readyz answers 200: every informer has listed, so what is created next arrives as watch events.</summary>
    public Task WaitUntilReadyAsync() => PollAsync(async () =>
    {
        using var response = await _http.GetAsync("/readyz");
        return response.IsSuccessStatusCode;
    });

    /// <summary>Waits until the operator reports a successful reconcile on its /metrics (every result series is there from the start, at 0).</summary>
    public Task WaitUntilReconciledAsync() => PollAsync(async () =>
        await ReconcileCountAsync("controller_runtime_reconcile_total{controller=\"namespace\",result=\"success\"}") > 0);

    /// <summary>Sums the reconcile counter series on /metrics whose line starts with <paramref name="seriesPrefix"/>.</summary>
    private async Task<long> ReconcileCountAsync(string seriesPrefix) =>
        (await _http.GetStringAsync(_metrics)).Split('\n')
            .Where(line => line.StartsWith(seriesPrefix, StringComparison.Ordinal))
            .Sum(line => (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    public async Task StopAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _process.Dispose();
    }

    /// <summary>
    /// Asks the operator's HTTP endpoint until <paramref name="check"/> holds, treating a refused connection as not yet;
    /// an operator that exits meanwhile (a bad flag, say) fails the scenario with what it wrote to stderr.
    /// </summary>
    private async Task PollAsync(Func<Task<bool>> check)
    {
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The operator exited with code {_process.ExitCode}: {string.Join(Environment.NewLine, _errors)}");
            }

            try
            {
                if (await check())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(PollInterval);
        }
    }
}
