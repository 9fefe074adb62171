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
        JsonNode.DeepEquals(ToJson(observed), ToJson(desired));

    public static JsonNode? ToJson(CustomResourceStatus? status) =>
        status is null ? null : JsonSerializer.SerializeToNode(status, status.GetType(), CpaasxJson.Options);
}
