using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Runtime.Client;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// What compile wants an object that does not decode to say: Ready=False, reason <c>Undecodable</c>, with the path and
/// the value that failed, and Stalled beside it (<see cref="KstatusConditions"/>). Only these conditions are written
/// (its other status fields cannot be read, so they stay).
/// </summary>
/// <param name="Observed">The conditions the object has now, as far as its status reads.</param>
public sealed record CompiledUndecodable(UndecodableObject Object, IReadOnlyList<Condition> Conditions, IReadOnlyList<Condition> Observed)
{
    public Condition Ready => Conditions[0];

    /// <summary>True when the object already says what <see cref="Conditions"/> say: nothing to write.</summary>
    public bool IsUnchanged =>
        Observed.Count == Conditions.Count
        && Conditions.All(condition => Observed.Any(observed =>
            (observed.Type, observed.Status, observed.Reason, observed.Message, observed.ObservedGeneration)
                == (condition.Type, condition.Status, condition.Reason, condition.Message, condition.ObservedGeneration)));

    internal static CompiledUndecodable For(UndecodableObject undecodable, DateTimeOffset now)
    {
        var observed = ObservedConditions(undecodable.Status);
        Verdict verdict = new(ConditionReasons.Undecodable, $"the stored object does not decode into the operator's model: {undecodable.Problem}");
        return new CompiledUndecodable(undecodable, KstatusConditions.For(verdict, observed, undecodable.Metadata.Generation, now), observed);
    }

    // Read condition by condition: the status may itself be what does not decode.
    private static List<Condition> ObservedConditions(JsonObject? status) =>
        [.. (status?["conditions"] as JsonArray ?? []).Select(ReadCondition).OfType<Condition>()];

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
