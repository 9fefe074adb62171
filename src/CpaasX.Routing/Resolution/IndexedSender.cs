using CpaasX.Routing.Table;

namespace CpaasX.Routing.Resolution;

/// <summary>A pool sender with what resolving needs precomputed once at load: its rendezvous hash and area code.</summary>
internal sealed class IndexedSender(PoolSender sender)
{
    public PoolSender Sender { get; } = sender;

    public ulong Hash { get; } = RendezvousHash.Hash(sender.Value);

    public string AreaCode { get; } = DestinationCountries.NorthAmericanAreaCode(sender.Value).ToString();
}
