using System.CommandLine;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Cli;

/// <summary>
/// <c>compile -f PATH... [--output FILE] [--strict]</c>: compiles manifests offline as the operator will and writes the
/// routing table (one namespace: the table; several: an object keyed by namespace), with each object's Ready status and
/// reason on stderr. Exit 0 compiled, 1 with --strict when an object is not Ready, 2 on unreadable input.
/// </summary>
internal static class CompileCommand
{
    public const int NotReadyExitCode = 1;

    public static Command Create()
    {
        Option<string[]> files = new("--filename", "-f")
        {
            Description = "A manifest file or a folder of them (read recursively); repeatable.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        Option<string?> output = new("--output", "-o") { Description = "Write the routing JSON to this file instead of stdout." };
        Option<bool> strict = new("--strict") { Description = "Exit 1 when any object is not Ready." };
        Command command = new("compile", "Compile manifests offline into the routing table the operator will publish, and report each object's Ready status.")
        {
            files, output, strict,
        };
        command.Action = new UsageCheckedAction(parseResult => Run(
            parseResult.GetRequiredValue(files),
            parseResult.GetValue(output),
            parseResult.GetValue(strict),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(IEnumerable<string> paths, string? outputFile, bool strict, TextWriter output, TextWriter error)
    {
        var results = ManifestCompiler.Compile(ReadManifests(paths, "--filename"), DateTimeOffset.UtcNow);
        var allReady = true;
        foreach (var compiled in results.SelectMany(result => result.Objects))
        {
            var ready = compiled.DesiredStatus.FindReady();
            allReady &= ready?.Status == ConditionStatuses.True;
            var name = $"{compiled.Object.Metadata.NamespaceProperty}/{compiled.Object.Kind}/{compiled.Object.Metadata.Name}";
            error.WriteLine(ready?.Status == ConditionStatuses.True
                ? $"{name}: Ready=True {ready.Reason}"
                : $"{name}: Ready={ready?.Status} {ready?.Reason}: {ready?.Message}");
        }

        var json = System.Text.Encoding.UTF8.GetString(results is [CompileResult single]
            ? RoutingTableJson.Serialize(single.Table)
            : RoutingTableJson.SerializeByNamespace(results.Select(result => result.Table)));
        if (outputFile is null)
        {
            output.Write(json);
        }
        else
        {
            Write(outputFile, json);
        }

        return strict && !allReady ? NotReadyExitCode : 0;
    }

    /// <summary>The six kinds' objects of manifest files and folders, in read order; unreadable input is a usage error of <paramref name="option"/>.</summary>
    internal static List<ICustomResource> ReadManifests(IEnumerable<string> paths, string option)
    {
        try
        {
            return [.. paths.SelectMany(ManifestReader.ReadPath).Select(document => document.Resource).OfType<ICustomResource>()];
        }
        catch (Exception exception) when (exception is ManifestException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: {exception.Message}", exception);
        }
    }

    private static void Write(string path, string json)
    {
        try
        {
            File.WriteAllText(path, json);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--output: cannot write '{path}': {exception.Message}", exception);
        }
    }
}
