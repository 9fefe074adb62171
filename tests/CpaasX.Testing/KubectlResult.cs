namespace CpaasX.Testing;

public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr);
