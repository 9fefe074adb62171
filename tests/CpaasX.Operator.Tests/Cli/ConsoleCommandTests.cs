using System.CommandLine;
using System.Net;
using System.Text.RegularExpressions;

using CpaasX.ApiServer;
using CpaasX.Operator.Cli;
using CpaasX.Operator.Local;
using CpaasX.Operator.Tests.Support;
using CpaasX.Testing;

namespace CpaasX.Operator.Tests.Cli;

public sealed partial class ConsoleCommandTests
{
    [Fact]
    public async Task Console_prints_one_url_whose_token_opens_a_session_and_runs_until_stopped()
    {
        await using var server = await EmbeddedApiServer.StartAsync(new EmbeddedApiServerOptions());
        using (var admin = server.CreateClient())
        {
            await CrdInstaller.InstallAsync(admin, RepositoryRoot.Combine("config", "crds"), CancellationToken.None);
        }

        var folder = Directory.CreateTempSubdirectory("console-command-").FullName;
        var kubeconfig = Path.Combine(folder, "kubeconfig");
        server.WriteKubeconfig(kubeconfig);
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        try
        {
            var running = ConsoleCommand.Create(_ => null).Parse(["--kubeconfig", kubeconfig, "--context", "viewer"])
                .InvokeAsync(new InvocationConfiguration { Output = output }, stop.Token);
            await Eventually.UntilAsync(() => Task.FromResult(ConsoleLine().IsMatch(output.ToString())), TimeSpan.FromSeconds(30), "the console prints its URL");

            var page = await OpenPrintedUrlAsync(output.ToString());
            await stop.CancelAsync();

            Assert.Contains("<h1>Resources</h1>", page, StringComparison.Ordinal);
            Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(0, await running);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Console_refuses_an_address_that_is_not_loopback()
    {
        var error = new StringWriter();
        var exitCode = await ConsoleCommand.Create(_ => null).Parse(["--address", "0.0.0.0:8080"]).InvokeAsync(new InvocationConfiguration { Error = error });

        Assert.Equal(UsageCheckedAction.UsageExitCode, exitCode);
        Assert.Contains("--address: '0.0.0.0:8080' is not a loopback address", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The printed console line, alone on its line.</summary>
    [GeneratedRegex(@"^Console: (?<url>http://127\.0\.0\.1:\d+/\?token=[0-9a-f]{48})\r?$", RegexOptions.Multiline)]
    internal static partial Regex ConsoleLine();

    /// <summary>Opens the URL of the console line in <paramref name="output"/> as a browser does (the token exchanged for the session cookie, then the redirect followed); returns the page, which must be a 200.</summary>
    internal static async Task<string> OpenPrintedUrlAsync(string output)
    {
        var url = new Uri(ConsoleLine().Match(output).Groups["url"].Value);
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
        using var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }
}
