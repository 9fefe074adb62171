using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

using CpaasX.ApiServer.Identity;
using CpaasX.Operator.WebConsole;

using Microsoft.Playwright;

namespace CpaasX.Benchmarks;

/// <summary>
/// The <c>console-page</c> scenario: a namespace of <see cref="SyntheticObjects"/> with --resources N Resources
/// (default 5000) is created through the embedded API server and made Ready by the operator (the real executable, then
/// stopped), and the web console is started over it as the admin. Then --runs N times (default 5): the Resources page
/// fetched over HTTP (time to first byte, to the full HTML, its bytes raw and as gzip would make them: the console does
/// not compress), and, when Debian's chromium is installed (--chromium PATH), loaded in headless chromium through
/// Playwright (the browser's own navigation and paint timings: first byte, full HTML, DOMContentLoaded, first
/// contentful paint, load, and live: when the page's script has fetched and swapped in the list once more).
/// </summary>
internal static partial class ConsolePageLoad
{
    private const string DefaultChromium = "/usr/bin/chromium";

    public static async Task<int> RunAsync(string[] args)
    {
        var resources = ScenarioOptions.Int(args, "--resources", 5_000);
        var runs = ScenarioOptions.Int(args, "--runs", 5);
        var chromium = ScenarioOptions.Text(args, "--chromium", DefaultChromium);
        var objects = SyntheticObjects.Snapshot(resources).All.ToList();
        Console.WriteLine($"namespace {SyntheticObjects.Namespace}: {objects.Count} objects ({resources} Resources)");

        await using var server = await OperatorLoad.StartServerAsync(Path.Combine(OperatorLoad.ConfigFolder(), "crds"), objects, concurrency: 16);
        var kubeconfig = Path.GetTempFileName();
        server.WriteKubeconfig(kubeconfig);
        using (var running = OperatorProcess.Start(kubeconfig))
        {
            await running.WaitUntilReconciledAsync();
            await OperatorLoad.WaitUntilQuietAsync(server);
            await running.StopAsync();
        }

        File.Delete(kubeconfig);
        await OperatorLoad.RequireAllReadyAsync(server);

        // One console per client: its URL's token signs in once.
        Task<ConsoleServer> StartConsoleAsync() => ConsoleServer.StartAsync(
            new IPEndPoint(IPAddress.Loopback, 0), server.ClientConfiguration(ApiIdentity.Admin), SyntheticObjects.Namespace, CancellationToken.None);
        await using (var console = await StartConsoleAsync())
        {
            await MeasureOverHttpAsync(console, runs);
        }

        if (File.Exists(chromium))
        {
            await using var console = await StartConsoleAsync();
            await MeasureInChromiumAsync(console, chromium, runs, resources);
        }
        else
        {
            Console.WriteLine($"no chromium at {chromium}: the measures above are server-side only (no time to first render)");
        }

        return 0;
    }

    /// <summary>The page as an HTTP client sees it: what the server takes to answer, and what it sends.</summary>
    private static async Task MeasureOverHttpAsync(ConsoleServer console, int runs)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
        // The token exchange, once, as the browser makes it: from then on the session cookie signs the requests.
        var first = await client.GetStringAsync(console.Url);
        // The page's own stylesheet and script, as its head names them: the rest of the page weight.
        var assets = 0L;
        foreach (var asset in AssetReference().Matches(first).Select(match => match.Groups["path"].Value))
        {
            assets += (await client.GetByteArrayAsync(new Uri(console.Address, asset))).Length;
        }

        for (var run = 1; run <= runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            using var response = await client.GetAsync(console.Address, HttpCompletionOption.ResponseHeadersRead);
            var firstByte = stopwatch.Elapsed;
            var html = await response.Content.ReadAsByteArrayAsync();
            var full = stopwatch.Elapsed;
            response.EnsureSuccessStatusCode();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"http run {run}: first byte {firstByte.TotalMilliseconds:F0} ms, full HTML {full.TotalMilliseconds:F0} ms; "
                + $"HTML {Kilobytes(html.Length)} KB raw ({Kilobytes(Gzipped(html))} KB gzipped, not served so), stylesheet and script {Kilobytes(assets)} KB"));
        }
    }

    /// <summary>The page as the browser renders it, timed by the browser (Navigation Timing and Paint Timing).</summary>
    private static async Task MeasureInChromiumAsync(ConsoleServer console, string chromium, int runs, int resources)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var signIn = await context.NewPageAsync();
        if (await signIn.GotoAsync(console.Url.ToString()) is not { Ok: true })
        {
            throw new InvalidOperationException("Chromium could not sign in with the console's URL.");
        }

        await signIn.CloseAsync();
        for (var run = 1; run <= runs; run++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(console.Address.ToString());
            // Load ends, the first paint is reported (in either order), and the live script, once its event stream is
            // open, has fetched and swapped in the list once more: until then a change would not show.
            await page.WaitForFunctionAsync("() => performance.getEntriesByType('navigation')[0].loadEventEnd > 0 && performance.getEntriesByName('first-contentful-paint').length > 0");
            var live = await (await page.WaitForFunctionAsync("() => document.documentElement.dataset.live === 'on' && performance.now()")).JsonValueAsync<double>();
            var timings = await page.EvaluateAsync<double[]>("""
                () => {
                  const navigation = performance.getEntriesByType('navigation')[0];
                  const paint = performance.getEntriesByName('first-contentful-paint')[0];
                  return [navigation.responseStart, navigation.responseEnd, navigation.domContentLoadedEventEnd, paint.startTime, navigation.loadEventEnd,
                    document.querySelectorAll('#resources tbody tr').length];
                }
                """);
            if ((int)timings[5] != resources)
            {
                throw new InvalidOperationException($"Chromium shows {timings[5]} rows, not the {resources} Resources.");
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"chromium run {run}: first byte {timings[0]:F0} ms, full HTML {timings[1]:F0} ms, DOMContentLoaded {timings[2]:F0} ms, "
                + $"first contentful paint {timings[3]:F0} ms, load {timings[4]:F0} ms, live (list fetched again) {live:F0} ms"));
            await page.CloseAsync();
        }
    }

    private static int Gzipped(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return (int)compressed.Length;
    }

    [GeneratedRegex(@"<(?:link rel=""stylesheet"" href|script src)=""(?<path>/[^""]+)""")]
    private static partial Regex AssetReference();

    private static string Kilobytes(long bytes) => (bytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture);
}
