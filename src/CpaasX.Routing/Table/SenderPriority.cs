using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>The rank of one sender type in a strategy: 1..4, lower first.</summary>
public sealed record SenderPriority(SenderType SenderType, int Priority);
