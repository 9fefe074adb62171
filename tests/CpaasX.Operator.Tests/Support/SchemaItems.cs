using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.Support;

/// <summary>
/// The item schema of an array schema. KubernetesClient types <c>items</c> as object (it may be a list in OpenAPI), so
/// a CRD read from YAML holds a plain dictionary there; re-read it as a schema.
/// </summary>
internal static class SchemaItems
{
    public static V1JSONSchemaProps? Of(V1JSONSchemaProps schema) => schema.Items switch
    {
        null => null,
        V1JSONSchemaProps items => items,
        object items => KubernetesYaml.Deserialize<V1JSONSchemaProps>(KubernetesYaml.Serialize(items)),
    };
}
