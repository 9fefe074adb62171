using System.ComponentModel;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("What the operator resolved for this strategy.")]
public sealed record SenderStrategyStatus : CustomResourceStatus
{
    [Description("How many senders the strategy's pool holds.")]
    public int? SenderCount { get; init; }

    [Description("The senders of the pool the strategy picks from (Ready associations at the strategy's level), in priority order.")]
    public IReadOnlyList<PoolSender>? SenderPool { get; init; }
}
