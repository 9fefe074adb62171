using System.Text.Json.Serialization;

using k8s.Models;

namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>The envelope every kind shares: apiVersion, kind, metadata, spec and status.</summary>
public abstract class CustomResource<TSpec, TStatus> : ICustomResource
    where TSpec : new()
    where TStatus : CustomResourceStatus
{
    protected CustomResource()
    {
        // Each kind's CLR type is named after its Kubernetes kind, so a new object is complete without ceremony.
        Kind = GetType().Name;
    }

    public string ApiVersion { get; set; } = CustomResourceKinds.ApiVersion;

    public string Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; } = new();

    public TSpec Spec { get; set; } = new();

    public TStatus? Status { get; set; }

    [JsonIgnore]
    public object SpecObject => Spec!;

    [JsonIgnore]
    public CustomResourceStatus? StatusObject => Status;
}
