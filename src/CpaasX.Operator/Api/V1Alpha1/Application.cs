using System.Text.Json.Serialization;

namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>A software system or environment of the client that sends or receives traffic.</summary>
public sealed class Application : CustomResource<ApplicationSpec, ApplicationStatus>
{
    /// <summary>The applicationId in effect: spec.applicationId, or metadata.name when it is not set.</summary>
    [JsonIgnore]
    public string EffectiveApplicationId => Spec?.ApplicationId ?? Metadata?.Name ?? "";
}
