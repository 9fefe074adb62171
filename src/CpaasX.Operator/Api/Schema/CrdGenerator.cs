using System.Text;

using CpaasX.Operator.Api.Markers;
using CpaasX.Operator.Api.V1Alpha1;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Api.Schema;

/// <summary>Generates the CustomResourceDefinitions of the six kinds from the C# types, byte for byte reproducibly.</summary>
public static class CrdGenerator
{
    public const string KustomizationFile = "kustomization.yaml";

    private const string Header = "# Generated from the C# API types by 'cpaasx-operator generate crds'. Do not edit.\n";

    /// <summary>The file name of a kind's CRD: plural.group.yaml.</summary>
    public static string FileName(CustomResourceKind kind) => kind.CrdName + ".yaml";

    public static V1CustomResourceDefinition Build(CustomResourceKind kind) => new()
    {
        ApiVersion = "apiextensions.k8s.io/v1",
        Kind = "CustomResourceDefinition",
        Metadata = new V1ObjectMeta
        {
            Name = kind.CrdName,
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/part-of"] = "cpaasx-operator" },
        },
        Spec = new V1CustomResourceDefinitionSpec
        {
            Group = CustomResourceKinds.Group,
            Scope = "Namespaced",
            Names = new V1CustomResourceDefinitionNames
            {
                Kind = kind.Kind,
                ListKind = kind.Kind + "List",
                Plural = kind.Plural,
                Singular = kind.Singular,
                ShortNames = [.. kind.ShortNames],
                Categories = [.. kind.Categories],
            },
            Versions =
            [
                new V1CustomResourceDefinitionVersion
                {
                    Name = CustomResourceKinds.Version,
                    Served = true,
                    Storage = true,
                    Schema = new V1CustomResourceValidation { OpenAPIV3Schema = SchemaBuilder.ForKind(kind) },
                    Subresources = new V1CustomResourceSubresources { Status = new Dictionary<string, object>() },
                    SelectableFields = SelectableFieldsOf(kind),
                    AdditionalPrinterColumns = [.. kind.PrinterColumns.Select(column => new V1CustomResourceColumnDefinition
                    {
                        Name = column.Name,
                        Type = column.Type,
                        JsonPath = column.JsonPath,
                        Description = column.Description,
                        Priority = column.Priority > 0 ? column.Priority : null,
                    })],
                },
            ],
        },
    };

    // Left out when the kind has none, so its CRD stays as it was.
    private static List<V1SelectableField>? SelectableFieldsOf(CustomResourceKind kind) =>
        SelectableFields.Of(kind.SpecType) is { Count: > 0 } paths ? [.. paths.Select(path => new V1SelectableField { JsonPath = path })] : null;

    /// <summary>The CRD as the YAML text written to its file.</summary>
    public static string Render(CustomResourceKind kind) => Header + Normalize(KubernetesYaml.Serialize(Build(kind)));

    /// <summary>The kustomization listing every CRD file.</summary>
    public static string RenderKustomization()
    {
        StringBuilder text = new(Header);
        text.Append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        foreach (var kind in CustomResourceKinds.All)
        {
            text.Append("- ").Append(FileName(kind)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes every CRD and the kustomization into <paramref name="outputDirectory"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        List<string> written = [];
        foreach (var kind in CustomResourceKinds.All)
        {
            written.Add(WriteFile(outputDirectory, FileName(kind), Render(kind)));
        }

        written.Add(WriteFile(outputDirectory, KustomizationFile, RenderKustomization()));
        return written;
    }

    private static string WriteFile(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    // Same bytes on every platform: LF line ends and one final newline.
    private static string Normalize(string yaml) => yaml.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
