using CpaasX.Operator.Api.Markers;
using CpaasX.Operator.Api.Schema;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Tests.Support;

using k8s.Models;

namespace CpaasX.Operator.Tests.Api;

public sealed class CrdGenerationTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("cpaasx-crds-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Committed_crds_are_what_the_generator_writes_byte_for_byte()
    {
        CrdGenerator.Write(_output);
        var committed = RepositoryRoot.Combine("config", "crds");

        static string[] Names(string folder) => [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(Names(_output), Names(committed));
        foreach (var name in Names(_output))
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(_output, name)).SequenceEqual(File.ReadAllBytes(Path.Combine(committed, name))),
                $"config/crds/{name} is stale: run 'dotnet run --project src/CpaasX.Operator -- generate crds --output config/crds'.");
        }
    }

    [Fact]
    public void Every_selectable_field_is_a_scalar_of_the_schema_as_the_API_server_requires()
    {
        foreach (var kind in CustomResourceKinds.All)
        {
            var version = CrdSchemaValidator.LoadCrd(kind).Spec.Versions.Single();
            var fields = version.SelectableFields ?? [];
            Assert.InRange(fields.Count, 0, SelectableFields.Max);
            Assert.Equal(fields.Count, fields.Select(field => field.JsonPath).Distinct().Count());
            foreach (var field in fields)
            {
                var schema = version.Schema.OpenAPIV3Schema;
                foreach (var step in field.JsonPath.TrimStart('.').Split('.'))
                {
                    schema = schema.Properties[step];
                }

                Assert.Contains(schema.Type, new[] { "string", "boolean", "integer" });
            }
        }

        Assert.Equal(
            [".spec.resourceRef.name", ".spec.channel", ".spec.applicationRef.name", ".spec.entityRef.name"],
            SelectableFields.Of(CustomResourceKinds.ResourceAssociation.SpecType));
    }

    [Fact]
    public void Kustomization_lists_every_crd_file()
    {
        var kustomization = CrdGenerator.RenderKustomization();
        Assert.All(CustomResourceKinds.All, kind => Assert.Contains("- " + CrdGenerator.FileName(kind) + "\n", kustomization, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_object_rule_is_in_the_crd_of_its_kind_with_message_and_field_path()
    {
        foreach (var rule in ObjectRules.All)
        {
            CustomResourceKind kind = CustomResourceKinds.All.Single(kind => Reaches(kind.SpecType, rule.Target));
            var crdRules = AllRules(CrdSchemaValidator.LoadCrd(kind).Spec.Versions.Single().Schema.OpenAPIV3Schema);
            Assert.Contains(crdRules, crdRule => crdRule.Rule == rule.Rule && crdRule.Message == rule.Message && crdRule.FieldPath == rule.FieldPath);
        }
    }

    [Fact]
    public void Field_rules_checked_by_cel_are_in_the_crd_instead_of_a_pattern()
    {
        var keyword = CrdSchemaValidator.LoadCrd(CustomResourceKinds.InboundConfiguration)
            .Spec.Versions.Single().Schema.OpenAPIV3Schema.Properties["spec"].Properties["keyword"];

        Assert.Null(keyword.Pattern);
        Assert.Equal(50, keyword.MaxLength);
        var rule = Assert.Single(keyword.XKubernetesValidations);
        Assert.Equal(FieldRules.Keyword.CelPatternRule, rule.Rule);
        Assert.Equal(FieldRules.Keyword.PatternMessage, rule.Message);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_schema_node_has_a_description_for_kubectl_explain(string kindName)
    {
        var schema = CrdSchemaValidator.LoadCrd(CustomResourceKinds.All.Single(kind => kind.Kind == kindName))
            .Spec.Versions.Single().Schema.OpenAPIV3Schema;

        // Root metadata is the exception: the API server allows nothing but its type there.
        Assert.All(
            Nodes(schema, "openAPIV3Schema").Where(node => node.Path != "openAPIV3Schema.metadata"),
            node => Assert.False(string.IsNullOrWhiteSpace(node.Schema.Description), node.Path));
        Assert.Equal(new V1JSONSchemaProps { Type = "object" }, schema.Properties["metadata"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Crd_has_names_status_subresource_category_and_readiness_columns(string kindName)
    {
        CustomResourceKind kind = CustomResourceKinds.All.Single(kind => kind.Kind == kindName);
        var crd = CrdSchemaValidator.LoadCrd(kind);
        var version = crd.Spec.Versions.Single();

        Assert.Equal($"{kind.Plural}.cpaasx.io", crd.Metadata.Name);
        Assert.Equal("Namespaced", crd.Spec.Scope);
        Assert.Equal(["cpaasx"], crd.Spec.Names.Categories);
        Assert.All(crd.Spec.Names.ShortNames, name => Assert.StartsWith("cx", name, StringComparison.Ordinal));
        Assert.NotNull(version.Subresources.Status);
        Assert.Equal(["Ready", "Reason", "Message", "Age"], version.AdditionalPrinterColumns.TakeLast(4).Select(column => column.Name));
        Assert.Equal(1, version.AdditionalPrinterColumns.Single(column => column.Name == "Message").Priority);
        Assert.Null(version.AdditionalPrinterColumns.Single(column => column.Name == "Reason").Priority);
    }

    [Fact]
    public void Short_names_are_unique_and_avoid_names_other_crds_own()
    {
        string[] taken = ["app", "apps", "application", "res", "ent", "assoc", "strat", "in", "inbound"];
        string[] shortNames = [.. CustomResourceKinds.All.SelectMany(kind => kind.ShortNames)];

        Assert.Equal(shortNames.Length, shortNames.Distinct().Count());
        Assert.Empty(shortNames.Intersect(taken));
    }

    public static TheoryData<string> Kinds() => [.. CustomResourceKinds.All.Select(kind => kind.Kind)];

    private static bool Reaches(Type from, Type target) =>
        from == target || TypeShapes.Of(from).Any(field => TypeShapes.IsObject(field.ScalarType) && Reaches(field.ScalarType, target));

    private static IEnumerable<V1ValidationRule> AllRules(V1JSONSchemaProps schema) =>
        Nodes(schema, "").SelectMany(node => node.Schema.XKubernetesValidations ?? []);

    private static IEnumerable<(string Path, V1JSONSchemaProps Schema)> Nodes(V1JSONSchemaProps schema, string path)
    {
        yield return (path, schema);
        foreach ((var name, var property) in schema.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            foreach (var node in Nodes(property, $"{path}.{name}"))
            {
                yield return node;
            }
        }

        if (SchemaItems.Of(schema) is V1JSONSchemaProps items)
        {
            foreach (var node in Nodes(items, path + "[]"))
            {
                yield return node;
            }
        }
    }
}
