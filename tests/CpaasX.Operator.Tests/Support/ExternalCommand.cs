using System.Diagnostics;

namespace CpaasX.Operator.Tests.Support;

/// <summary>Runs a tool found on PATH (kubectl, dotnet) and captures what it printed.</summary>
public static class ExternalCommand
{
    /// <param name="environment">Variables set (or, with a null value, removed) for the tool, over this process's own.</param>
    public static async Task<ExternalCommandResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
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

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        // Read both streams concurrently so neither pipe fills up and blocks the tool.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ExternalCommandResult(process.ExitCode, await output, await error);
    }
}
