using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Runtime.Client;

using k8s.Models;

namespace CpaasX.Operator.Api;

/// <summary>Where the API serves a cpaasx.io object, and how events refer to it.</summary>
internal static class ObjectReferences
{
    public static CustomResourceKind KindOf(ICustomResource obj) => KindOf(obj.ApiVersion, obj.Kind);

    public static CustomResourceKind KindOf(string apiVersion, string kind) =>
        CustomResourceKinds.Find(apiVersion, kind)
        ?? throw new InvalidOperationException($"{apiVersion} {kind} is not a cpaasx.io kind.");

    /// <summary>A reference to <paramref name="obj"/> as it is at <paramref name="resourceVersion"/>.</summary>
    public static V1ObjectReference ReferenceTo(ICustomResource obj, string? resourceVersion) => new()
    {
        ApiVersion = obj.ApiVersion,
        Kind = obj.Kind,
        Name = obj.Metadata.Name,
        NamespaceProperty = obj.Metadata.NamespaceProperty,
        Uid = obj.Metadata.Uid,
        ResourceVersion = resourceVersion,
    };

    /// <summary>A reference to an object that does not decode, as it is at its observed resourceVersion.</summary>
    public static V1ObjectReference ReferenceTo(UndecodableObject obj) => new()
    {
        ApiVersion = obj.ApiVersion,
        Kind = obj.Kind,
        Name = obj.Metadata.Name,
        NamespaceProperty = obj.Metadata.NamespaceProperty,
        Uid = obj.Metadata.Uid,
        ResourceVersion = obj.Metadata.ResourceVersion,
    };
}
