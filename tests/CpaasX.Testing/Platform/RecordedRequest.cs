namespace CpaasX.Testing.Platform;

/// <summary>One request the platform double answered.</summary>
/// <param name="OperationId">The spec's operationId, or null when no operation matched.</param>
public sealed record RecordedRequest(string Method, string Path, string? OperationId, int Status, string? Body)
{
    /// <summary>True for a request that may change the account (anything but GET).</summary>
    public bool IsWrite => Method != "GET";
}
