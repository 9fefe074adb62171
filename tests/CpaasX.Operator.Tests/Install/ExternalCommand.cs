using System.Diagnostics;

namespace CpaasX.Operator.Tests.Install;

/// <summary>Runs a tool found on PATH (kubectl, dotnet) and captures what it printed.</summary>
public static class ExternalCommand
{
    public static async Task<ExternalCommandResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        // Read both streams concurrently so neither pipe fills up and blocks the tool.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ExternalCommandResult(process.ExitCode, await output, await error);
    }
}
