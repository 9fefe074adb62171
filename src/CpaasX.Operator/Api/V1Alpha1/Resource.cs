namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>Something bought or registered on the platform that traffic is sent from or to.</summary>
public sealed class Resource : CustomResource<ResourceSpec, ResourceStatus>;
