using System.CommandLine;

using CpaasX.Operator.Cli;

namespace CpaasX.Operator.Tests.Support;

/// <summary>Runs the diff command in process, as the executable would, capturing stdout and stderr.</summary>
internal static class DiffRun
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        RootCommand root = [DiffCommand.Create(), CompileCommand.Create()];
        StringWriter output = new();
        StringWriter error = new();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
