namespace CpaasX.Operator.Writing;

/// <summary>What one write attempt did.</summary>
public enum WriteOutcome
{
    /// <summary>The object already had the desired state: nothing was sent.</summary>
    Unchanged,

    /// <summary>The desired state was written.</summary>
    Written,

    /// <summary>409: someone else changed the object first; the namespace is reconciled again from fresher stores.</summary>
    Conflict,

    /// <summary>404: the object was deleted meanwhile; nothing left to write.</summary>
    Gone,

    /// <summary>Not written because an object we do not manage holds the place (a ConfigMap without our label); retried later.</summary>
    Held,

    /// <summary>
    /// Not written because the content cannot be stored (a routing table too large, a write the API refuses with 400 or
    /// 422); nothing to retry until the objects change.
    /// </summary>
    Rejected,
}
