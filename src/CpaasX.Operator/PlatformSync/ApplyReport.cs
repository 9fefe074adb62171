namespace CpaasX.Operator.PlatformSync;

/// <summary>How far an apply pass got.</summary>
/// <param name="Done">Operations carried out, in order.</param>
/// <param name="Failed">The operation that stopped the pass and why, or null when the whole plan was carried out.</param>
/// <param name="Pending">Operations not carried out (the failed one and those after it); the next pass plans them again.</param>
public sealed record ApplyReport(IReadOnlyList<PlannedOperation> Done, (PlannedOperation Operation, PlatformApiException Error)? Failed, int Pending)
{
    public bool Complete => Failed is null;
}
