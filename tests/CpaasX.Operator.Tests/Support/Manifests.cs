using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Tests.Support;

/// <summary>Reads multi-document YAML, and renders kustomizations with the kubectl on PATH.</summary>
public static class Manifests
{
    public static IReadOnlyList<ManifestObject> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents
            .Select(document => document.RootNode)
            .Where(root => root is not YamlScalarNode { Value: null or "" })
            .Select(root => root as YamlMappingNode ?? throw new InvalidDataException($"A document that is not an object at {root.Start}."))
            .Select(root => new ManifestObject(root))
            .ToList();
    }

    public static IReadOnlyList<ManifestObject> ReadFile(string path) => Parse(File.ReadAllText(path));

    /// <summary>`kubectl kustomize` of a folder relative to the repository root.</summary>
    public static async Task<IReadOnlyList<ManifestObject>> RenderAsync(string kustomizationFolder)
    {
        var result = await ExternalCommand.RunAsync("kubectl", ["kustomize", kustomizationFolder], RepositoryRoot.Path);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {kustomizationFolder} failed: {result.Describe()}");
        }

        return Parse(result.StandardOutput);
    }
}
