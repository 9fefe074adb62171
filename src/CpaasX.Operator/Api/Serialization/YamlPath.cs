using System.Globalization;
using System.Text.RegularExpressions;

using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Api.Serialization;

/// <summary>Finds the YAML node at a JSON path such as <c>spec.priorities[0].priority</c>, to report its line.</summary>
internal static partial class YamlPath
{
    public static YamlNode? Find(YamlNode root, string path)
    {
        var node = root;
        foreach (Match step in StepPattern().Matches(path))
        {
            node = (node, step.Groups["name"].Success, step.Groups["index"].Success) switch
            {
                (YamlMappingNode mapping, true, _) => mapping.Children.TryGetValue(new YamlScalarNode(step.Groups["name"].Value), out var child) ? child : null,
                (YamlSequenceNode sequence, _, true) when int.Parse(step.Groups["index"].Value, CultureInfo.InvariantCulture) is var i && i < sequence.Children.Count => sequence.Children[i],
                _ => null,
            };
        }

        return node;
    }

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>[0-9]+)\]")]
    private static partial Regex StepPattern();
}
