using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

using CpaasX.ApiServer;

namespace CpaasX.Benchmarks;

/// <summary>
/// The <c>apiserver-load</c> scenario: seeds the embedded API server with custom resources over HTTP, opens watchers,
/// then measures sustained writes (merge patches, admitted against the CRD schema) and the watch fan-out.
/// Options: --objects N (50000), --writes N (20000), --watchers N (5), --concurrency N (16).
/// </summary>
internal static class ApiServerLoad
{
    private const string Collection = "/apis/load.example.com/v1/namespaces/default/gadgets";

    private const string Crd = """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"gadgets.load.example.com"},
         "spec":{"group":"load.example.com","scope":"Namespaced","names":{"kind":"Gadget","plural":"gadgets","singular":"gadget"},
          "versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
           "schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object","required":["size"],
            "properties":{"size":{"type":"integer","minimum":0},"owner":{"type":"string","maxLength":64}}}}}}}]}}
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var objects = ScenarioOptions.Int(args, "--objects", 50_000);
        var writes = ScenarioOptions.Int(args, "--writes", 20_000);
        var watchers = ScenarioOptions.Int(args, "--watchers", 5);
        var concurrency = ScenarioOptions.Int(args, "--concurrency", 16);

        await using var server = await EmbeddedApiServer.StartAsync();
        using var http = server.CreateHttpClient(maxConnections: concurrency + watchers);
        (await http.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Json(Crd))).EnsureSuccessStatusCode();

        var seed = await Timed(objects, concurrency, i => http.PostAsync(Collection, Json($$$"""{"metadata":{"name":"g{{{i}}}"},"spec":{"size":0,"owner":"load"}}""")));
        Report("seed (create)", objects, seed);

        var list = await http.GetStringAsync($"{Collection}?limit=1");
        var resourceVersion = System.Text.Json.JsonDocument.Parse(list).RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString();
        using var stop = new CancellationTokenSource();
        var counts = new long[watchers];
        var watching = Enumerable.Range(0, watchers).Select(w => CountEvents(http, $"{Collection}?watch=true&resourceVersion={resourceVersion}", counts, w, stop.Token)).ToList();

        var update = await Timed(writes, concurrency, i => Patch(http, $"{Collection}/g{i % objects}", $$$"""{"spec":{"size":{{{i + 1}}}}}"""));
        Report("update (merge patch)", writes, update);

        var drain = Stopwatch.StartNew();
        while (counts.Any(c => Interlocked.Read(ref c) < writes) && drain.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(10);
        }

        var delivered = counts.Select(c => Interlocked.Read(ref c)).ToArray();
        Console.WriteLine($"watch fan-out: {watchers} watchers received {string.Join(", ", delivered)} of {writes} events; last caught up {drain.ElapsedMilliseconds} ms after the last write");
        await stop.CancelAsync();
        await Task.WhenAll(watching.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        return delivered.All(d => d >= writes) ? 0 : 1;
    }

    private static async Task<TimeSpan> Timed(int count, int concurrency, Func<int, Task<HttpResponseMessage>> write)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var response = await write(i);
                response.EnsureSuccessStatusCode();
            }
        }));
        return clock.Elapsed;
    }

    private static async Task CountEvents(HttpClient http, string url, long[] counts, int index, CancellationToken stop)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stop);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
        while (await reader.ReadLineAsync(stop) is not null)
        {
            Interlocked.Increment(ref counts[index]);
        }
    }

    private static Task<HttpResponseMessage> Patch(HttpClient http, string url, string body) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, url) { Content = Json(body, "application/merge-patch+json") });

    private static StringContent Json(string body, string mediaType = "application/json") =>
        new(body, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));

    private static void Report(string phase, int count, TimeSpan elapsed) =>
        Console.WriteLine($"{phase}: {count} writes in {elapsed.TotalSeconds:F1} s = {(count / elapsed.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture)} writes/s");
}
