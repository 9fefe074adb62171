using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Tests.Support;

/// <summary>Walks a YAML tree by mapping keys.</summary>
public static class ManifestPath
{
    public static YamlNode? Find(YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    public static string? Scalar(YamlNode node, params string[] path) => (Find(node, path) as YamlScalarNode)?.Value;

    public static IReadOnlyList<string> Strings(YamlNode node, params string[] path) =>
        Find(node, path) is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(scalar => scalar.Value ?? "").ToList()
            : [];
}
