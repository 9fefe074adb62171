namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// The last sync pass's verdict on one object of a bound namespace, which the namespace controller writes as its
/// <c>PlatformSynced</c> condition.
/// </summary>
/// <param name="Reason">One of <see cref="PlatformSyncedReasons"/>.</param>
/// <param name="Generation">The object's metadata.generation the pass saw: the condition's observedGeneration.</param>
public sealed record ObjectSyncState(bool Synced, string Reason, string Message, long? Generation);
