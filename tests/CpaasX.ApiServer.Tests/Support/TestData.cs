using k8s;
using k8s.Models;

namespace CpaasX.ApiServer.Tests.Support;

/// <summary>The test CRD: example.com/v1 Widget, with every schema feature admission has to honour.</summary>
internal static class TestData
{
    public const string Group = "example.com";
    public const string Version = "v1";
    public const string Plural = "widgets";

    public static string WidgetCrdPath { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "widget-crd.yaml");

    public static V1CustomResourceDefinition WidgetCrd() => KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(WidgetCrdPath));
}
