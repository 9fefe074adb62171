using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Api.Validation;
using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.Api;

/// <summary>Every sample under config/samples is valid for the committed CRDs and for the C# validator.</summary>
public sealed class SampleTests
{
    private static readonly string SamplesFolder = RepositoryRoot.Combine("config", "samples");

    public static TheoryData<string> Sets() => [.. SetNames()];

    [Fact]
    public void The_three_example_sets_of_the_domain_exist()
    {
        Assert.Equal(["customers", "environments", "inbound"], SetNames());
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_object_passes_the_crd_schema_and_cel_rules(string set)
    {
        foreach (var document in CpaasxDocuments(set))
        {
            Assert.True(CrdSchemaValidator.Validate(document.Json) is [], $"{document}: {string.Join("; ", CrdSchemaValidator.Validate(document.Json))}");
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_object_passes_the_csharp_validator(string set)
    {
        foreach (var document in CpaasxDocuments(set))
        {
            Assert.True(ObjectValidator.Validate(document.Resource!) is [], $"{document}: {string.Join("; ", ObjectValidator.Validate(document.Resource!))}");
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void A_set_lives_in_its_own_namespace_declared_first(string set)
    {
        var documents = ManifestReader.ReadPath(Path.Combine(SamplesFolder, set));
        var first = documents[0];
        var namespaceName = first.Json["metadata"]!["name"]!.GetValue<string>();

        Assert.Equal("Namespace", first.Kind);
        Assert.All(documents.Skip(1), document => Assert.Equal(namespaceName, document.Resource?.Metadata.NamespaceProperty));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void References_point_at_objects_of_the_set(string set)
    {
        IReadOnlyList<ICustomResource> resources = [.. CpaasxDocuments(set).Select(document => document.Resource!)];
        HashSet<string> names = [.. resources.Select(resource => $"{resource.Kind}/{resource.Metadata.Name}")];

        foreach ((var kind, var name) in resources.SelectMany(References))
        {
            Assert.Contains($"{kind}/{name}", names);
        }
    }

    [Fact]
    public void Together_the_samples_use_every_kind_and_every_resource_type()
    {
        IReadOnlyList<ICustomResource> resources = [.. SetNames().SelectMany(CpaasxDocuments).Select(document => document.Resource!)];

        Assert.Equal(CustomResourceKinds.All.Select(kind => kind.Kind).Order(StringComparer.Ordinal), resources.Select(resource => resource.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            Enum.GetValues<CpaasX.Routing.Model.ResourceType>().Except([CpaasX.Routing.Model.ResourceType.WebRtcPush]).Order(),
            resources.OfType<Resource>().Select(resource => resource.Spec.Type!.Value).Distinct().Order());
    }

    private static IEnumerable<string> SetNames() =>
        Directory.GetDirectories(SamplesFolder).Select(folder => Path.GetFileName(folder)).Order(StringComparer.Ordinal);

    private static IEnumerable<ManifestDocument> CpaasxDocuments(string set)
    {
        var documents = ManifestReader.ReadPath(Path.Combine(SamplesFolder, set));
        Assert.Contains(documents, document => document.Resource is not null);
        return documents.Where(document => document.Resource is not null);
    }

    private static IEnumerable<(string Kind, string Name)> References(ICustomResource resource) => resource switch
    {
        Resource r => Refs((nameof(Application), r.Spec.ApplicationRef), (nameof(Entity), r.Spec.EntityRef)),
        ResourceAssociation a => Refs((nameof(Resource), a.Spec.ResourceRef), (nameof(Application), a.Spec.ApplicationRef), (nameof(Entity), a.Spec.EntityRef)),
        SenderStrategy s => Refs((nameof(Application), s.Spec.ApplicationRef), (nameof(Entity), s.Spec.EntityRef)),
        InboundConfiguration i => Refs((nameof(Resource), i.Spec.ResourceRef), (nameof(Application), i.Spec.ApplicationRef), (nameof(Entity), i.Spec.EntityRef)),
        _ => [],
    };

    private static IEnumerable<(string Kind, string Name)> Refs(params (string Kind, LocalObjectReference? Reference)[] references) =>
        references.Where(reference => reference.Reference is not null).Select(reference => (reference.Kind, reference.Reference!.Name));
}
