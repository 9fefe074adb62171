using System.Text.Json.Nodes;

namespace CpaasX.Testing.Platform;

/// <summary>A request the double accepted (authenticated, within the throttling, valid against the spec).</summary>
internal sealed record DoubleRequest(
    ContractOperation Operation,
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyDictionary<string, string> Query,
    JsonNode? Body)
{
    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    /// <summary>The query integer <paramref name="name"/>, or the default the spec declares for it.</summary>
    public int QueryInt(string name) => int.Parse(
        QueryValue(name) ?? Operation.Parameters.Single(parameter => parameter["name"]!.GetValue<string>() == name)["schema"]!["default"]!.ToJsonString(),
        System.Globalization.CultureInfo.InvariantCulture);
}
