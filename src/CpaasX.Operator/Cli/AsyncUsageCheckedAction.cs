using System.CommandLine;
using System.CommandLine.Invocation;

namespace CpaasX.Operator.Cli;

/// <summary>The asynchronous twin of <see cref="UsageCheckedAction"/>, for long-running commands: bad usage exits with 2.</summary>
internal sealed class AsyncUsageCheckedAction(Func<ParseResult, CancellationToken, Task<int>> handler) : AsynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        if (UsageCheckedAction.ReportedParseErrors(parseResult))
        {
            return UsageCheckedAction.UsageExitCode;
        }

        try
        {
            return await handler(parseResult, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException exception)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return UsageCheckedAction.UsageExitCode;
        }
    }
}
