using System.ComponentModel;

using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("The resource, channel and application/entity IDs an association resolved to.")]
public sealed record ResolvedAssociation
{
    [Description("The resource's type.")]
    public ResourceType? ResourceType { get; init; }

    [Description("The resource's normalized value (see Resource status.value).")]
    public string? Value { get; init; }

    [Description("The applicationId ('default' when no applicationRef is set).")]
    public string? ApplicationId { get; init; }

    [Description("The entityId, if an entityRef is set.")]
    public string? EntityId { get; init; }

    [Description("The channel.")]
    public Channel? Channel { get; init; }
}
