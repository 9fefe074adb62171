namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>The rules that pick a sender when an outbound SMS or MMS names only an application/entity.</summary>
public sealed class SenderStrategy : CustomResource<SenderStrategySpec, SenderStrategyStatus>;
