namespace CpaasX.Operator.PlatformSync;

/// <summary>What one planned operation does to the account.</summary>
public enum PlanAction
{
    Create,
    Update,
    Delete,
}
