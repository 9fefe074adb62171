namespace CpaasX.Operator.Tests.Install;

public sealed record ExternalCommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() => $"exit code {ExitCode}\n{StandardError}\n{StandardOutput}";
}
