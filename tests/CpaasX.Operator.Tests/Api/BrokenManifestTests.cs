using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Api.Validation;
using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.Api;

/// <summary>
/// Deliberately broken manifests (BrokenManifests/*.yaml, first line "# expect: PATH") are rejected at the expected
/// field path by both the committed CRD (schema and CEL) and the C# validator.
/// </summary>
public sealed class BrokenManifestTests
{
    private const string ExpectPrefix = "# expect: ";

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "BrokenManifests");

    public static TheoryData<string> Files() => [.. FileNames()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Crd_schema_rejects_at_the_expected_path(string file)
    {
        (var document, var path) = Load(file);

        Assert.Contains(path, CrdSchemaValidator.Validate(document.Json).Select(error => error.Path));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Csharp_validator_rejects_at_the_expected_path(string file)
    {
        (var document, var path) = Load(file);

        Assert.Contains(path, ObjectValidator.Validate(document.Resource!).Select(error => error.Path));
    }

    [Fact]
    public void There_are_broken_manifests_for_every_kind()
    {
        var kinds = FileNames().Select(file => Load(file).Document.Kind).Distinct();

        Assert.Equal(CustomResourceKinds.All.Select(kind => kind.Kind).Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> FileNames() =>
        Directory.GetFiles(Folder, "*.yaml").Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal);

    private static (ManifestDocument Document, string Path) Load(string file)
    {
        var fullPath = Path.Combine(Folder, file);
        var firstLine = File.ReadLines(fullPath).First();
        Assert.StartsWith(ExpectPrefix, firstLine, StringComparison.Ordinal);
        return (Assert.Single(ManifestReader.ReadPath(fullPath)), firstLine[ExpectPrefix.Length..].Trim());
    }
}
