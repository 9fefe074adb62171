namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>A column of <c>kubectl get</c>; priority 1 shows only with <c>-o wide</c>.</summary>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description, int Priority = 0)
{
    private const string Ready = ".status.conditions[?(@.type==\"Ready\")]";

    public static PrinterColumn ReadyStatus { get; } = new("Ready", "string", Ready + ".status", "Whether the object is Ready.");

    public static PrinterColumn ReadyReason { get; } = new("Reason", "string", Ready + ".reason", "Why it is or is not Ready.");

    public static PrinterColumn ReadyMessage { get; } = new("Message", "string", Ready + ".message", "Ready's message.", Priority: 1);

    public static PrinterColumn Age { get; } = new("Age", "date", ".metadata.creationTimestamp", "Time since creation.");

    /// <summary>The kind's own columns followed by Ready, its reason, its message (wide) and age.</summary>
    public static IReadOnlyList<PrinterColumn> WithReadiness(params PrinterColumn[] columns) =>
        [.. columns, ReadyStatus, ReadyReason, ReadyMessage, Age];
}
