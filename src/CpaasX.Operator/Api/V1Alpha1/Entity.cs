using System.Text.Json.Serialization;

namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>A business unit, customer, brand or tenant of the client.</summary>
public sealed class Entity : CustomResource<EntitySpec, EntityStatus>
{
    /// <summary>The entityId in effect: spec.entityId, or metadata.name when it is not set.</summary>
    [JsonIgnore]
    public string EffectiveEntityId => Spec?.EntityId ?? Metadata?.Name ?? "";
}
