using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Operator.Api.V1Alpha1;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Api.Serialization;

/// <summary>Reads multi-document YAML manifests (files or folders) into JSON and typed cpaasx.io objects.</summary>
public static class ManifestReader
{
    /// <summary>Reads a file, or every .yaml/.yml file under a folder in ordinal path order, each within <see cref="YamlLimits"/>.</summary>
    public static IReadOnlyList<ManifestDocument> ReadPath(string path)
    {
        if (File.Exists(path))
        {
            return ReadFile(path);
        }

        if (!Directory.Exists(path))
        {
            throw new ManifestException($"{path}: no such file or folder.");
        }

        return [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(ReadFile)];
    }

    private static IReadOnlyList<ManifestDocument> ReadFile(string path)
    {
        YamlLimits.CheckFileSize(path);
        return ReadYaml(File.ReadAllText(path), path);
    }

    /// <summary>Reads every non-empty document of a YAML text within <see cref="YamlLimits"/>; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<ManifestDocument> ReadYaml(string yaml, string source)
    {
        YamlStream stream = [];
        try
        {
            YamlLimits.Check(yaml, source);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            throw new ManifestException($"{source}: line {exception.Start.Line}, column {exception.Start.Column}: {exception.Message}", exception);
        }

        List<ManifestDocument> documents = [];
        foreach (var document in stream.Documents)
        {
            switch (YamlToJson.Convert(document.RootNode, source))
            {
                case null:
                    continue;
                case JsonObject json:
                    documents.Add(new ManifestDocument(source, documents.Count, json, ToResource(json, source, documents.Count, document.RootNode)));
                    break;
                default:
                    throw new ManifestException($"{source}#{documents.Count}: a manifest document must be a mapping.");
            }
        }

        return documents;
    }

    /// <summary>
    /// The typed object for a JSON manifest of one of the six kinds, or null for any other kind. With the document's
    /// <paramref name="yaml"/>, a value the type cannot hold is reported at its line.
    /// </summary>
    public static ICustomResource? ToResource(JsonObject json, string source, int index, YamlNode? yaml = null)
    {
        var kind = CustomResourceKinds.Find(
            json["apiVersion"]?.GetValueKind() == JsonValueKind.String ? json["apiVersion"]!.GetValue<string>() : "",
            json["kind"]?.GetValueKind() == JsonValueKind.String ? json["kind"]!.GetValue<string>() : "");
        if (kind is null)
        {
            return null;
        }

        try
        {
            return (ICustomResource)(json.Deserialize(kind.ClrType, CpaasxJson.Options)
                ?? throw new ManifestException($"{source}#{index}: empty {kind.Kind}."));
        }
        catch (JsonException exception)
        {
            var field = exception.Path?.TrimStart('$', '.');
            var line = yaml is not null && field is not null && YamlPath.Find(yaml, field) is { } node ? $" (line {node.Start.Line})" : "";
            throw new ManifestException($"{source}#{index}{line}: {kind.Kind} field {field}: {Reason(exception)}", exception);
        }
    }

    /// <summary>The deserializer's message without its JSON positions, which mean nothing in a YAML file, and with C# type names in words.</summary>
    private static string Reason(JsonException exception)
    {
        var message = exception.Message;
        var positions = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (positions < 0 ? message : message[..positions])
            .Replace("System.Nullable`1[System.Int32]", "a 32-bit integer", StringComparison.Ordinal)
            .Replace("System.Int32", "a 32-bit integer", StringComparison.Ordinal)
            .Replace("System.Nullable`1[System.Int64]", "a 64-bit integer", StringComparison.Ordinal)
            .Replace("System.Int64", "a 64-bit integer", StringComparison.Ordinal);
    }
}
