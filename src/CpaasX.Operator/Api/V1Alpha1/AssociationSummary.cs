using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("One ResourceAssociation that uses the resource.")]
public sealed record AssociationSummary
{
    [Description("Name of the ResourceAssociation.")]
    [Required]
    public string? Name { get; init; }

    [Description("Its channel.")]
    public Channel? Channel { get; init; }

    [Description("The applicationId it resolved to.")]
    public string? ApplicationId { get; init; }

    [Description("The entityId it resolved to, if any.")]
    public string? EntityId { get; init; }
}
