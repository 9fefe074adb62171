namespace CpaasX.Operator.Writing;

/// <summary>A core/v1 Event to record: <paramref name="Type"/> is Normal or Warning.</summary>
public sealed record PlannedEvent(string Type, string Reason, string Message)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";
}
