using k8s;
using k8s.Models;

namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>Any of the six kinds, without knowing which: what the validator, informers and the writer need.</summary>
public interface ICustomResource : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The kind's spec object.</summary>
    object SpecObject { get; }

    /// <summary>The status, or null before the operator first wrote it.</summary>
    CustomResourceStatus? StatusObject { get; }
}
