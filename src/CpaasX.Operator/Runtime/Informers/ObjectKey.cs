using k8s;
using k8s.Models;

namespace CpaasX.Operator.Runtime.Informers;

/// <summary>Identifies an object in an informer's store; cluster-scoped objects have an empty namespace.</summary>
public readonly record struct ObjectKey(string Namespace, string Name)
{
    public static ObjectKey Of(IKubernetesObject<V1ObjectMeta> obj) =>
        new(obj.Metadata?.NamespaceProperty ?? string.Empty, obj.Metadata?.Name ?? string.Empty);

    public override string ToString() => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
