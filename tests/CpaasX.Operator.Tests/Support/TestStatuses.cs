using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Tests.Support;

/// <summary>Hand-made desired statuses, as compile would produce them.</summary>
internal static class TestStatuses
{
    public static readonly DateTimeOffset Earlier = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Later = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    public static ApplicationStatus Application(string status, string reason, DateTimeOffset at, string message = "checked") => new()
    {
        ObservedGeneration = 1,
        ApplicationId = "checkout",
        AssociationCount = 0,
        Conditions = [Ready(status, reason, at, message)],
    };

    public static Condition Ready(string status, string reason, DateTimeOffset at, string message = "checked") => new()
    {
        Type = ConditionTypes.Ready,
        Status = status,
        Reason = reason,
        Message = message,
        ObservedGeneration = 1,
        LastTransitionTime = at,
    };
}
