using System.Diagnostics;
using System.Globalization;
using System.Net;

using CpaasX.Operator.Hosting;
using CpaasX.Routing.Table;

namespace CpaasX.Benchmarks;

/// <summary>
/// The <c>sidecar-load</c> scenario: writes the <see cref="SyntheticNamespace"/> table (the issue's size) into a
/// directory, starts <c>cpaasx-operator routing-sidecar</c> on it as a child process, then sends requests on loopback at
/// a fixed rate with an <see cref="OpenLoopHttpLoad"/> from this process (option --rate N per second, default 5000) for
/// --seconds N (default 20) after a warm-up of --warmup N seconds (default 10), and prints the latency percentiles of
/// one request, from sending to the whole answer read, how late requests left against the schedule, and for the
/// measured run what each process collected, paused and allocated (the sidecar's read from its /metrics before and
/// after), then the sidecar's peak working set. Half the requests are outbound through a sticky geolocated strategy,
/// half inbound keywords. Target: p99 under 1 ms at 5,000 requests/s.
/// </summary>
internal static class SidecarLoad
{
    private const int QueryCount = 4_096;

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = ScenarioOptions.Int(args, "--rate", 5_000);
        var seconds = ScenarioOptions.Int(args, "--seconds", 20);
        var warmup = ScenarioOptions.Int(args, "--warmup", 10);

        var directory = Directory.CreateTempSubdirectory("cpaasx-sidecar-load-");
        try
        {
            var table = RoutingTableJson.Serialize(SyntheticNamespace.Build());
            await File.WriteAllBytesAsync(Path.Combine(directory.FullName, RoutingTableFiles.Json), table);
            var endpoint = new IPEndPoint(IPAddress.Loopback, ChildProcesses.FreePort());
            using var sidecar = StartSidecar(directory.FullName, endpoint);
            using var http = new HttpClient { BaseAddress = new Uri($"http://{endpoint}") };
            var started = Stopwatch.StartNew();
            await WaitUntilReadyAsync(http, sidecar);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"table: routing.json {table.Length / 1024} KiB; sidecar ready in {started.ElapsedMilliseconds} ms"));

            using var load = new OpenLoopHttpLoad(endpoint, Queries());
            await load.RunAsync(rate, warmup);
            // The table this process built and the warm-up's garbage collected now, so that no collection of them falls in the measured run.
            CleanHeap.Collect();
            var sidecarBefore = GcCounters.FromPrometheus(await http.GetStringAsync("/metrics"));
            var generatorBefore = GcCounters.OfThisProcess();
            var run = await load.RunAsync(rate, seconds);
            var generator = GcCounters.OfThisProcess() - generatorBefore;
            var sidecarCost = GcCounters.FromPrometheus(await http.GetStringAsync("/metrics")) - sidecarBefore;

            var requests = run.Latencies.Length;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"rate {rate}/s for {seconds} s: {requests} requests, achieved {requests / run.Elapsed.TotalSeconds:F0}/s, {run.Failures} not 200/422"));
            Console.WriteLine($"latency ms: {Percentiles(run.Latencies, withMax: true)}");
            Console.WriteLine($"sent late by ms: {Percentiles(run.Lateness, withMax: false)}");
            Console.WriteLine($"sidecar: {sidecarCost.Describe(requests)}");
            Console.WriteLine($"load generator: {generator.Describe(requests)}");
            Console.WriteLine($"sidecar peak working set: {ChildProcesses.PeakRssMegabytes(sidecar)} MB");
            sidecar.Kill();
            await sidecar.WaitForExitAsync();
            return run.Failures == 0 ? 0 : 1;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Percentiles(long[] ticks, bool withMax)
    {
        var sorted = ticks.Order().ToArray();
        double At(double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p / 100 * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"p50 {At(50):F3}, p90 {At(90):F3}, p99 {At(99):F3}, p99.9 {At(99.9):F3}{(withMax ? $", max {At(100):F3}" : string.Empty)}");
    }

    // Outbound from the applications with a sticky geolocated strategy, and inbound keywords, over the whole table.
    private static string[] Queries()
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, QueryCount).Select(i =>
        {
            if (i % 2 == 0)
            {
                var application = random.Next(SyntheticNamespace.Strategies);
                return $"/v1/outbound?application={SyntheticNamespace.ApplicationId(application)}&entity={SyntheticNamespace.EntityId(application)}"
                    + $"&channel=SMS&to=%2B1212{random.Next(2_000_000, 9_999_999)}";
            }

            var configuration = random.Next(SyntheticNamespace.InboundConfigurations / 2) * 2;
            return $"/v1/inbound?number={Uri.EscapeDataString(SyntheticNamespace.Number(configuration / 2))}&channel=SMS&text=kw{configuration}%20please";
        })];
    }

    private static Process StartSidecar(string directory, IPEndPoint endpoint)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(OperatorInstance).Assembly.Location, "routing-sidecar", "--dir", directory, "--address", endpoint.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                Console.Error.WriteLine($"sidecar: {text}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Process sidecar)
    {
        while (true)
        {
            if (sidecar.HasExited)
            {
                throw new InvalidOperationException($"The sidecar exited with code {sidecar.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }
    }
}
