namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>A link between one resource and an application, an entity, or a pair, for one channel.</summary>
public sealed class ResourceAssociation : CustomResource<ResourceAssociationSpec, ResourceAssociationStatus>;
