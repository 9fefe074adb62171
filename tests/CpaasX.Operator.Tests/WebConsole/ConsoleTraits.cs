namespace CpaasX.Operator.Tests.WebConsole;

/// <summary>The console's browser tests (headless Debian chromium): <c>--filter Category=Browser</c> runs them alone.</summary>
internal static class ConsoleTraits
{
    public const string Browser = "Browser";
}
