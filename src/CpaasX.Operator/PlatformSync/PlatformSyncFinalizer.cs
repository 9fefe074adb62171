using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Writing;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// The finalizer that keeps an object of a namespace in apply mode until what it declared is deleted on the platform.
/// Only objects that have something on the account (in the sync record) or are about to (a planned create or
/// adoption) carry it; in plan mode, or once the namespace is unbound, it comes off every object, so neither ever
/// blocks a deletion. It is written beside the in-use-protection finalizer with the same merge patch on the observed
/// resourceVersion, each writer changing only its own entry.
/// </summary>
public sealed class PlatformSyncFinalizer(CustomObjectWriter writer)
{
    public const string Name = "cpaasx.io/platform-sync";

    /// <summary>
    /// Puts the finalizer on the <paramref name="wanted"/> objects (<c>Kind/name</c>) and takes it off the others; an
    /// object being deleted never gets it again. False when a write met a newer object (409): the pass comes back soon.
    /// </summary>
    public async Task<bool> WriteAsync(IEnumerable<ICustomResource> objects, IReadOnlySet<string> wanted, CancellationToken cancellationToken)
    {
        var current = true;
        await Parallel.ForEachAsync(
            objects.Where(item => item.Metadata.Finalizers?.Contains(Name) == true || (wanted.Contains(DeclaredAccount.Owner(item)) && item.Metadata.DeletionTimestamp is null)),
            new ParallelOptions { MaxDegreeOfParallelism = NamespaceWriter.MaxConcurrentWrites, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var keeps = wanted.Contains(DeclaredAccount.Owner(item));
                if (await writer.WriteFinalizerAsync(item, Name, item.Metadata.ResourceVersion, keeps, token) == WriteOutcome.Conflict)
                {
                    current = false;
                }
            });
        return current;
    }

    /// <summary>The objects that keep (or get) the finalizer: owners of record entries and of writes not yet made.</summary>
    public static IReadOnlySet<string> Wanted(SyncRecord record, IEnumerable<string?> pendingOwners) =>
        record.Entries.Values.Select(entry => entry.Owner).Concat(pendingOwners.OfType<string>()).ToHashSet(StringComparer.Ordinal);
}
