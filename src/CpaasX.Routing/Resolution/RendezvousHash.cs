namespace CpaasX.Routing.Resolution;

/// <summary>
/// Rendezvous (highest random weight) hashing: each destination takes the sender with the highest score of
/// (destination, sender). The hash is fixed (FNV-1a with a 64-bit finaliser), never the per-process randomised string
/// hash, so every workload replica picks the same sender with no shared state; removing a sender moves only the
/// destinations that had it, and adding one moves about 1/(N+1) of them.
/// </summary>
public static class RendezvousHash
{
    private const ulong FnvOffsetBasis = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>The stable 64-bit hash of a value (its UTF-16 code units).</summary>
    public static ulong Hash(string value)
    {
        var hash = FnvOffsetBasis;
        foreach (var c in value)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return Mix(hash);
    }

    /// <summary>The weight of a sender for a destination, from both hashes; the highest weight wins.</summary>
    public static ulong Score(ulong destinationHash, ulong senderHash) => Mix(destinationHash ^ (senderHash * 0x9E3779B97F4A7C15));

    // The SplitMix64 finaliser: spreads every input bit over the whole result, which FNV alone does poorly.
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
