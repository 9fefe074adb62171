using System.Text.Json.Nodes;

using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Api.Serialization;

/// <summary>One YAML document of a manifest: its JSON form, and the typed object when it is one of the six kinds.</summary>
/// <param name="Source">The file (or name) it came from.</param>
/// <param name="Index">Its position among the documents of that source, from 0.</param>
public sealed record ManifestDocument(string Source, int Index, JsonObject Json, ICustomResource? Resource)
{
    public string Kind => Json["kind"]?.GetValue<string>() ?? "";

    public override string ToString() => $"{Source}#{Index} ({Kind} {Json["metadata"]?["name"]})";
}
