using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Runtime;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// What compile wants an object that does not decode to say: Ready=False, reason <c>Undecodable</c>, with the path and
/// the value that failed. Only this condition is written (its other status fields cannot be read, so they stay).
/// </summary>
/// <param name="Observed">The Ready condition the object has now, when its status holds one that reads.</param>
public sealed record CompiledUndecodable(UndecodableObject Object, Condition Ready, Condition? Observed)
{
    /// <summary>True when the object already says what <see cref="Ready"/> says: nothing to write.</summary>
    public bool IsUnchanged =>
        Observed is { } observed && (observed.Status, observed.Reason, observed.Message, observed.ObservedGeneration)
            == (Ready.Status, Ready.Reason, Ready.Message, Ready.ObservedGeneration);

    internal static CompiledUndecodable For(UndecodableObject undecodable, DateTimeOffset now)
    {
        Condition? observed = ObservedReady(undecodable.Status);
        Verdict verdict = new(ConditionReasons.Undecodable, $"the stored object does not decode into the operator's model: {undecodable.Problem}");
        return new CompiledUndecodable(undecodable, ReadyCondition.For(verdict, observed, undecodable.Metadata.Generation, now), observed);
    }

    // Read condition by condition: the status may itself be what does not decode.
    private static Condition? ObservedReady(JsonObject? status) =>
        (status?["conditions"] as JsonArray ?? [])
            .Select(ReadCondition)
            .FirstOrDefault(condition => condition?.Type == ConditionTypes.Ready);

    private static Condition? ReadCondition(JsonNode? node)
    {
        try
        {
            return node?.Deserialize<Condition>(CpaasxJson.Options);
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
