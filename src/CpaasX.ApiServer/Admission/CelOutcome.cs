namespace CpaasX.ApiServer.Admission;

/// <summary>The result of one CEL rule on one value: passed, failed (with an evaluation error, if any), or not evaluable here.</summary>
internal sealed record CelOutcome(bool Ok, bool IsUnsupported, string? Error)
{
    public static CelOutcome Passed { get; } = new(true, false, null);

    public static CelOutcome Failed(string? error) => new(false, false, error);

    public static CelOutcome Unsupported(string reason) => new(true, true, reason);
}
