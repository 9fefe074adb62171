namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// What the operator knows of one platform object it manages: the object declaring it and whether the operator
/// created it (prune deletes only those) or adopted one that already existed.
/// </summary>
/// <param name="Listing">
/// For an inbound configuration, the number and channel it is listed under, so that the account read still reaches it
/// once no InboundConfiguration names them; null for other kinds, and for entries stored before it was kept.
/// </param>
public sealed record RecordEntry(string Owner, bool Created, InboundListing? Listing = null);
