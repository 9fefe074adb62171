using System.Text.Json.Nodes;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.Tests.Api;

public sealed class ManifestReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cpaasx-manifests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_every_document_typing_our_kinds_and_keeping_others_as_json()
    {
        const string yaml = """
            # a comment-only first document
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: cpaasx.io/v1alpha1
            kind: Resource
            metadata: {name: main-line, namespace: shop}
            spec:
              type: NUMBER
              number: {number: "+12015550101", numberType: VIRTUAL_LONG_NUMBER, country: US, capabilities: [SMS, VOICE], shared: true}
              applicationRef: {name: checkout-prod}
            """;

        var documents = ManifestReader.ReadYaml(yaml, "inline");

        Assert.Equal(["Namespace", "Resource"], documents.Select(document => document.Kind));
        Assert.Null(documents[0].Resource);
        var resource = Assert.IsType<Resource>(documents[1].Resource);
        Assert.Equal("main-line", resource.Metadata.Name);
        Assert.Equal(ResourceType.Number, resource.Spec.Type);
        Assert.Equal("+12015550101", resource.Spec.Number!.Number);
        Assert.Equal([Channel.Sms, Channel.Voice], resource.Spec.Number.Capabilities);
        Assert.True(resource.Spec.Number.Shared);
        Assert.Equal("checkout-prod", resource.Spec.ApplicationRef!.Name);
    }

    [Fact]
    public void Only_unquoted_scalars_become_numbers_booleans_or_null()
    {
        const string yaml = "a: 12\nb: \"12\"\nc: true\nd: 'true'\ne: ~\nf: 1.5\ng: !!str 7\nh: +12015550101\ni: STOP\n";

        var json = Assert.Single(ManifestReader.ReadYaml(yaml, "inline")).Json;

        Assert.Equal("""{"a":12,"b":"12","c":true,"d":"true","e":null,"f":1.5,"g":"7","h":12015550101,"i":"STOP"}""", json.ToJsonString());
    }

    [Fact]
    public void An_unquoted_phone_number_is_a_type_error_naming_the_field()
    {
        const string yaml = """
            apiVersion: cpaasx.io/v1alpha1
            kind: Resource
            metadata: {name: main-line}
            spec: {type: NUMBER, number: {number: +12015550101}}
            """;

        var error = Assert.Throws<ManifestException>(() => ManifestReader.ReadYaml(yaml, "bad.yaml"));

        Assert.Contains("bad.yaml#0", error.Message, StringComparison.Ordinal);
        Assert.Contains("spec.number.number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_yaml_and_duplicate_keys_are_reported_with_the_source()
    {
        Assert.Contains("x.yaml", Assert.Throws<ManifestException>(() => ManifestReader.ReadYaml("a: [1, 2", "x.yaml")).Message, StringComparison.Ordinal);
        Assert.StartsWith("y.yaml: ", Assert.Throws<ManifestException>(() => ManifestReader.ReadYaml("a: 1\na: 2\n", "y.yaml")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_yaml_files_of_a_folder_tree_in_path_order_and_skips_other_files()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        File.WriteAllText(Path.Combine(_folder, "b.yaml"), "apiVersion: cpaasx.io/v1alpha1\nkind: Entity\nmetadata: {name: b}\n");
        File.WriteAllText(Path.Combine(_folder, "a.yml"), "apiVersion: cpaasx.io/v1alpha1\nkind: Entity\nmetadata: {name: a}\n");
        File.WriteAllText(Path.Combine(_folder, "sub", "c.yaml"), "apiVersion: cpaasx.io/v1alpha1\nkind: Application\nmetadata: {name: c}\n");
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "kind: nothing");

        var documents = ManifestReader.ReadPath(_folder);

        Assert.Equal(["a", "b", "c"], documents.Select(document => document.Resource!.Metadata.Name));
        Assert.IsType<Application>(documents[2].Resource);
    }

    [Fact]
    public void A_missing_path_is_an_error()
    {
        Assert.Throws<ManifestException>(() => ManifestReader.ReadPath(Path.Combine(_folder, "absent")));
    }
}
