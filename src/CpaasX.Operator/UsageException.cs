namespace CpaasX.Operator;

/// <summary>A command was called wrongly (a bad option value, an unreadable input file); exit code 2.</summary>
internal sealed class UsageException(string message, Exception? inner = null) : Exception(message, inner);
