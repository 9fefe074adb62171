using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Operator.Api.V1Alpha1;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Api.Serialization;

/// <summary>Reads multi-document YAML manifests (files or folders) into JSON and typed cpaasx.io objects.</summary>
public static class ManifestReader
{
    /// <summary>Reads a file, or every .yaml/.yml file under a folder in ordinal path order.</summary>
    public static IReadOnlyList<ManifestDocument> ReadPath(string path)
    {
        if (File.Exists(path))
        {
            return ReadYaml(File.ReadAllText(path), path);
        }

        if (!Directory.Exists(path))
        {
            throw new ManifestException($"{path}: no such file or folder.");
        }

        return [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(file => ReadYaml(File.ReadAllText(file), file))];
    }

    /// <summary>Reads every non-empty document of a YAML text; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<ManifestDocument> ReadYaml(string yaml, string source)
    {
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            throw new ManifestException($"{source}: line {exception.Start.Line}, column {exception.Start.Column}: {exception.Message}", exception);
        }

        List<ManifestDocument> documents = [];
        foreach (YamlDocument document in stream.Documents)
        {
            switch (YamlToJson.Convert(document.RootNode))
            {
                case null:
                    continue;
                case JsonObject json:
                    documents.Add(new ManifestDocument(source, documents.Count, json, ToResource(json, source, documents.Count)));
                    break;
                default:
                    throw new ManifestException($"{source}#{documents.Count}: a manifest document must be a mapping.");
            }
        }

        return documents;
    }

    /// <summary>The typed object for a JSON manifest of one of the six kinds, or null for any other kind.</summary>
    public static ICustomResource? ToResource(JsonObject json, string source, int index)
    {
        CustomResourceKind? kind = CustomResourceKinds.Find(
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
            throw new ManifestException($"{source}#{index}: {kind.Kind} field {exception.Path?.TrimStart('$', '.')}: {exception.Message}", exception);
        }
    }
}
