using System.Text.Json.Serialization;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Tests.Runtime;

/// <summary>A minimal custom resource type for the list/watch client tests.</summary>
public sealed class TestWidget : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "test.cpaasx.io/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Widget";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public Dictionary<string, string>? Spec { get; set; }
}
