using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Compares statuses by what they look like on the wire: the status records hold lists, which record equality
/// compares by reference, and the server only ever sees the JSON.
/// </summary>
public static class StatusEquality
{
    public static bool AreEqual(CustomResourceStatus? observed, CustomResourceStatus? desired) =>
        Matches(observed, ToJson(desired));

    /// <summary>Whether <paramref name="observed"/> is, on the wire, <paramref name="desiredJson"/> (a status already in its <see cref="ToJson"/> form).</summary>
    public static bool Matches(CustomResourceStatus? observed, JsonNode? desiredJson) =>
        JsonNode.DeepEquals(ToJson(observed), desiredJson);

    public static JsonNode? ToJson(CustomResourceStatus? status) =>
        status is null ? null : JsonSerializer.SerializeToNode(status, status.GetType(), CpaasxJson.Options);
}
