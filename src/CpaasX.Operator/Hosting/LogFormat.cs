namespace CpaasX.Operator.Hosting;

/// <summary>How the operator writes its logs: one JSON object per line (for log collectors) or readable text.</summary>
public enum LogFormat
{
    Text,
    Json,
}
