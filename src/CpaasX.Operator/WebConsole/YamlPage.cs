using System.Text.Json;

using CpaasX.Operator.Api.V1Alpha1;

using YamlDotNet.Serialization;

namespace CpaasX.Operator.WebConsole;

/// <summary>Any cpaasx.io object's manifest as the API server holds it, as YAML, read-only.</summary>
internal static class YamlPage
{
    private static readonly ISerializer Serializer = new SerializerBuilder().WithQuotingNecessaryStrings().Build();

    public static string Link(CustomResourceKind kind, string @namespace, string name) =>
        $"/yaml/{Html.Segment(kind.Plural)}/{Html.Segment(@namespace)}/{Html.Segment(name)}";

    public static string Render(CustomResourceKind kind, string @namespace, string name, JsonElement manifest) =>
        Html.Page($"{kind.Kind} {@namespace}/{name}", $"<pre id=\"yaml\">{Html.Text(Serializer.Serialize(Plain(manifest)))}</pre>");

    /// <summary>JSON as plain values YamlDotNet writes as they are (strings that read as numbers or booleans stay quoted).</summary>
    private static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(property => property.Name, property => Plain(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
