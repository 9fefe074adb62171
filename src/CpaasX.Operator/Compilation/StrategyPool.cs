using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>The senders a strategy can pick from: how many, and the first of them in priority order for its status.</summary>
internal sealed record StrategyPool(int Count, IReadOnlyList<PoolSender> Listed);
