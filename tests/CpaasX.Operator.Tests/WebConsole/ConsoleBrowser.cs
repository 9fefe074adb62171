using CpaasX.Operator.Tests.Support;
using CpaasX.Operator.WebConsole;

using Microsoft.Playwright;

namespace CpaasX.Operator.Tests.WebConsole;

/// <summary>
/// Headless Debian chromium driven by Playwright (never Playwright's own browser download), with one signed-in
/// browser context per console of <see cref="ConsoleTestCluster"/>: each opened the console's one-time URL once.
/// </summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    /// <summary>Debian's chromium package; .ci/run installs it when missing.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public ConsoleTestCluster Cluster { get; } = new();

    public IBrowserContext Admin { get; private set; } = null!;

    public IBrowserContext Viewer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
        Admin = await SignInAsync(Cluster.Admin);
        Viewer = await SignInAsync(Cluster.Viewer);
    }

    /// <summary>A page of <paramref name="context"/> at <paramref name="path"/> of <paramref name="console"/>.</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context, ConsoleServer console, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(console.Address, path).ToString());
        return page;
    }

    /// <summary>Writes the page's screenshot to docs/console/, where docs/console.md shows it.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryRoot.Combine("docs", "console", name + ".png"), FullPage = true });

    private async Task<IBrowserContext> SignInAsync(ConsoleServer console)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(console.Url.ToString());
        Assert.True(response?.Ok, $"Signing in with the console's URL answered {response?.Status}.");
        await page.CloseAsync();
        return context;
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Cluster.DisposeAsync();
    }
}
