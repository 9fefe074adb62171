namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>The values of a condition's status.</summary>
public static class ConditionStatuses
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";
}
