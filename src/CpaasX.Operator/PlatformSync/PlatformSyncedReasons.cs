namespace CpaasX.Operator.PlatformSync;

/// <summary>The reasons of the <c>PlatformSynced</c> condition (docs/platform-sync.md, "The PlatformSynced condition").</summary>
public static class PlatformSyncedReasons
{
    /// <summary>True: the account holds what the object declares (or it declares nothing the sync writes).</summary>
    public const string Synced = "Synced";

    /// <summary>Plan mode: the plan has writes for the object, which are not carried out.</summary>
    public const string PlanPending = "PlanPending";

    /// <summary>Apply mode: writes for the object are planned and not carried out yet (in progress, or after a failed one).</summary>
    public const string ApplyPending = "ApplyPending";

    /// <summary>Apply mode: a write for the object failed for good in the last pass; the next pass retries.</summary>
    public const string ApplyFailed = "ApplyFailed";

    /// <summary>The object, or a field of it, has no counterpart in the platform's APIs.</summary>
    public const string NoPlatformApi = "NoPlatformApi";

    /// <summary>The object cannot be synced as it stands (a number without numberKey, a reference to an object not Ready).</summary>
    public const string NotSynced = "NotSynced";

    /// <summary>The object is not Ready: only Ready objects change the account.</summary>
    public const string NotReady = "NotReady";

    /// <summary>The pass could not read the account (unreachable, key refused); nothing is known of the object.</summary>
    public const string SyncFailed = "SyncFailed";

    /// <summary>The Secret <c>cpaasx-platform</c> or the namespace's annotations are unusable; nothing is synced.</summary>
    public const string BindingInvalid = "BindingInvalid";
}
