namespace CpaasX.Operator.PlatformSync;

/// <summary>What the sync does for a bound namespace: only show the plan, or carry it out.</summary>
public enum PlatformSyncMode
{
    Plan,
    Apply,
}
