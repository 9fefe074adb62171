using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

namespace CpaasX.Routing.Resolution;

/// <summary>A strategy with its priorities as an array by sender type, so ranking a sender is one index.</summary>
internal sealed class RankedStrategy
{
    /// <summary>The rank of sender types (and of resources without one) that the strategy does not list: after all listed ones.</summary>
    public const int Unranked = int.MaxValue;

    private readonly int[] _rankBySenderType;

    public RankedStrategy(SenderStrategyEntry entry)
    {
        Entry = entry;
        _rankBySenderType = [.. Enum.GetValues<SenderType>().Select(_ => Unranked)];
        foreach (var priority in entry.Priorities)
        {
            _rankBySenderType[(int)priority.SenderType] = priority.Priority;
        }
    }

    public SenderStrategyEntry Entry { get; }

    public int RankOf(PoolSender sender) => sender.SenderType is { } type ? _rankBySenderType[(int)type] : Unranked;
}
