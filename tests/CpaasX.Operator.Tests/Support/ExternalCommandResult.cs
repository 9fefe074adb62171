namespace CpaasX.Operator.Tests.Support;

public sealed record ExternalCommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() => $"exit code {ExitCode}\n{StandardError}\n{StandardOutput}";
}
