using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Tests.Install;

/// <summary>
/// Writes a YAML tree as a Lua table constructor, typed the way Argo CD hands objects to health scripts
/// (through JSON): plain true/false are booleans, plain numbers are numbers, plain null is nil.
/// </summary>
public static partial class LuaLiteral
{
    public static string From(YamlNode node) => node switch
    {
        YamlMappingNode mapping => "{" + string.Join(", ", mapping.Children.Select(pair => $"[{String(Key(pair.Key))}] = {From(pair.Value)}")) + "}",
        YamlSequenceNode sequence => "{" + string.Join(", ", sequence.Children.Select(From)) + "}",
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}."),
    };

    private static string Key(YamlNode key) => (key as YamlScalarNode)?.Value ?? throw new InvalidDataException($"A non-scalar key at {key.Start}.");

    private static string Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return String(value);
        }

        return value switch
        {
            "" or "~" or "null" => "nil",
            "true" or "false" => value,
            _ when Number().IsMatch(value) => double.Parse(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
            _ => String(value),
        };
    }

    private static string String(string value)
    {
        var literal = new StringBuilder("\"");
        foreach (var character in value)
        {
            // Decimal escapes keep quotes, backslashes and control characters out of the literal's syntax.
            literal.Append(character is '"' or '\\' || char.IsControl(character) ? $"\\{(int)character:D3}" : character.ToString());
        }

        return literal.Append('"').ToString();
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")]
    private static partial Regex Number();
}
