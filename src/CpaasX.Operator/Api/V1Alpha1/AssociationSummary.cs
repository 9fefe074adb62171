using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("One ResourceAssociation that names the resource, Ready or not.")]
public sealed record AssociationSummary
{
    [Description("Name of the ResourceAssociation.")]
    [Required]
    public string? Name { get; init; }

    [Description("Its channel.")]
    public Channel? Channel { get; init; }

    [Description("Whether it is Ready: True or False.")]
    public string? Ready { get; init; }

    [Description("Its Ready condition's reason.")]
    public string? Reason { get; init; }

    [Description("The applicationId it resolved to (Ready associations only).")]
    public string? ApplicationId { get; init; }

    [Description("The entityId it resolved to, if any (Ready associations only).")]
    public string? EntityId { get; init; }
}
