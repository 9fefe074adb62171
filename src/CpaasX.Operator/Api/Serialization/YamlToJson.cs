using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Api.Serialization;

/// <summary>
/// Turns YAML nodes into JSON nodes with the YAML 1.2 core schema: only unquoted scalars become null, booleans or
/// numbers, so a quoted "+12015550101" stays a string.
/// </summary>
internal static partial class YamlToJson
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>The JSON of <paramref name="node"/>; errors name <paramref name="source"/> and the line.</summary>
    public static JsonNode? Convert(YamlNode node, string source) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping, source),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(child => Convert(child, source))]),
        YamlScalarNode scalar => ConvertScalar(scalar, source),
        _ => throw new ManifestException($"{source}: unsupported YAML node at {node.Start}."),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping, string source)
    {
        JsonObject json = [];
        foreach ((var key, var value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? throw new ManifestException($"{source}: only scalar keys are supported, at {key.Start}.");
            // Duplicate keys never get here: the YAML parser already refuses them.
            json.Add(name, Convert(value, source));
        }

        return json;
    }

    private static JsonValue? ConvertScalar(YamlScalarNode scalar, string source)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StringTag))
        {
            return JsonValue.Create(text);
        }

        if (NullPattern().IsMatch(text))
        {
            return null;
        }

        if (BoolPattern().IsMatch(text))
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (IntegerPattern().IsMatch(text))
        {
            return long.TryParse(text, CultureInfo.InvariantCulture, out var integer) ? JsonValue.Create(integer)
                : throw new ManifestException($"{source}: line {scalar.Start.Line}: the integer {Shortened(text)} does not fit in 64 bits; quote it if it is text.");
        }

        if (FloatPattern().IsMatch(text))
        {
            var number = double.Parse(text, CultureInfo.InvariantCulture);
            return double.IsFinite(number) ? JsonValue.Create(number)
                : throw new ManifestException($"{source}: line {scalar.Start.Line}: the number {Shortened(text)} is out of range; quote it if it is text.");
        }

        return JsonValue.Create(text);
    }

    private static string Shortened(string text) => text.Length <= 40 ? text : $"{text[..40]}… ({text.Length} digits)";

    [GeneratedRegex("^(|~|null|Null|NULL)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex(@"^[-+]?[0-9]+\z")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z")]
    private static partial Regex FloatPattern();
}
