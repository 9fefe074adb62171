using System.CommandLine;
using System.CommandLine.Invocation;

namespace CpaasX.Operator.Cli;

/// <summary>
/// Runs a command's handler, but answers bad usage (parse errors, or a <see cref="UsageException"/> from the handler)
/// with exit code 2 and a message on stderr: scripts tell "bad call" (2) from "no route" (3) by the code.
/// </summary>
internal sealed class UsageCheckedAction(Func<ParseResult, int> handler) : SynchronousCommandLineAction
{
    public const int UsageExitCode = 2;

    // Take over parse errors so they get exit code 2 instead of the library's 1.
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        if (ReportedParseErrors(parseResult))
        {
            return UsageExitCode;
        }

        try
        {
            return handler(parseResult);
        }
        catch (UsageException exception)
        {
            parseResult.InvocationConfiguration.Error.WriteLine(exception.Message);
            return UsageExitCode;
        }
    }

    /// <summary>Writes the parse errors and unmatched tokens to stderr; true when there were any.</summary>
    public static bool ReportedParseErrors(ParseResult parseResult)
    {
        var error = parseResult.InvocationConfiguration.Error;
        foreach (var parseError in parseResult.Errors)
        {
            error.WriteLine(parseError.Message);
        }

        foreach (var token in parseResult.UnmatchedTokens)
        {
            error.WriteLine($"Unrecognized argument '{token}'.");
        }

        return parseResult.Errors.Count > 0 || parseResult.UnmatchedTokens.Count > 0;
    }
}
