using System.ComponentModel;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("The application/entity inbound messages are routed to.")]
public sealed record EffectiveRoute
{
    [Description("The applicationId.")]
    public string? ApplicationId { get; init; }

    [Description("The entityId, if any.")]
    public string? EntityId { get; init; }

    [Description("Which level decided: Configuration (this object's refs), Resource (the number-level refs) or Default (the 'default' application).")]
    public RouteSource? Source { get; init; }
}
