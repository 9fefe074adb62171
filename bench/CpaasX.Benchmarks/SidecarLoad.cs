using System.Diagnostics;
using System.Globalization;
using System.Net;

using CpaasX.Operator.Hosting;
using CpaasX.Routing.Table;

namespace CpaasX.Benchmarks;

/// <summary>
/// The <c>sidecar-load</c> scenario: writes the <see cref="SyntheticNamespace"/> table (the size) into a
/// directory, starts <c>cpaasx-operator routing-sidecar</c> on it as a child process, then sends requests on loopback at
/// a fixed rate (open loop: a slow answer does not slow the sending; option --rate N per second, default 5000) for
/// --seconds N (default 20) after a warm-up of --warmup N seconds (default 5), and prints the latency percentiles of one
/// request, from sending to the whole answer read, and the sidecar's peak working set. Half the requests are outbound
/// through a sticky geolocated strategy, half inbound keywords. Target: p99 under 1 ms at 5,000 requests/s.
/// </summary>
internal static class SidecarLoad
{
    private const int QueryCount = 4_096;

    public static async Task<int> RunAsync(string[] args)
    {
        int rate = ScenarioOptions.Int(args, "--rate", 5_000);
        int seconds = ScenarioOptions.Int(args, "--seconds", 20);
        int warmup = ScenarioOptions.Int(args, "--warmup", 5);

        var directory = Directory.CreateTempSubdirectory("cpaasx-sidecar-load-");
        try
        {
            var table = RoutingTableJson.Serialize(SyntheticNamespace.Build());
            await File.WriteAllBytesAsync(Path.Combine(directory.FullName, RoutingTableFiles.Json), table);
            var port = ChildProcesses.FreePort();
            using var sidecar = StartSidecar(directory.FullName, port);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            var started = Stopwatch.StartNew();
            await WaitUntilReadyAsync(http, sidecar);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"table: routing.json {table.Length / 1024} KiB; sidecar ready in {started.ElapsedMilliseconds} ms"));

            var queries = Queries();
            await SendAsync(http, queries, rate, warmup);
            var (latencies, failures, elapsed) = await SendAsync(http, queries, rate, seconds);
            Array.Sort(latencies);
            double Percentile(double p) => latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(p / 100 * latencies.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"rate {rate}/s for {seconds} s: {latencies.Length} requests, achieved {latencies.Length / elapsed.TotalSeconds:F0}/s, {failures} not 200/422"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"latency ms: p50 {Percentile(50):F3}, p90 {Percentile(90):F3}, p99 {Percentile(99):F3}, p99.9 {Percentile(99.9):F3}, max {Percentile(100):F3}"));
            Console.WriteLine($"sidecar peak working set: {ChildProcesses.PeakRssMegabytes(sidecar)} MB");
            sidecar.Kill();
            await sidecar.WaitForExitAsync();
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // Sends queries[i % count] at i / rate seconds after the start, without waiting for earlier answers.
    private static async Task<(long[] Latencies, int Failures, TimeSpan Elapsed)> SendAsync(HttpClient http, string[] queries, int rate, int seconds)
    {
        var total = rate * seconds;
        var latencies = new long[total];
        var requests = new Task[total];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            while (clock.Elapsed < due)
            {
                // Task.Delay's resolution is a millisecond or more: sleep while far ahead, yield when close.
                if (due - clock.Elapsed > TimeSpan.FromMilliseconds(2))
                {
                    await Task.Delay(1);
                }
                else
                {
                    await Task.Yield();
                }
            }

            var index = i;
            requests[i] = Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(queries[index % queries.Length]);
                await response.Content.ReadAsByteArrayAsync();
                latencies[index] = Stopwatch.GetTimestamp() - sent;
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity))
                {
                    Interlocked.Increment(ref failures);
                }
            });
        }

        await Task.WhenAll(requests);
        return (latencies, failures, clock.Elapsed);
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

    private static Process StartSidecar(string directory, int port)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(OperatorInstance).Assembly.Location, "routing-sidecar", "--dir", directory, "--address", $"127.0.0.1:{port}" })
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
