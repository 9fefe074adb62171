namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>Which application/entity receives inbound messages to a number (per channel, optionally per keyword).</summary>
public sealed class InboundConfiguration : CustomResource<InboundConfigurationSpec, InboundConfigurationStatus>;
