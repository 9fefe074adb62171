namespace CpaasX.Testing.Platform;

/// <summary>
/// How the platform double behaves where the published specs leave behaviour open (docs/platform-sync.md lists each
/// assumption). The defaults are the reading the sync relies on; tests switch them to prove it copes with the others.
/// </summary>
public sealed record PlatformDoubleOptions
{
    /// <summary>The key the account accepts, sent as <c>Authorization: App &lt;key&gt;</c>.</summary>
    public string ApiKey { get; init; } = "test-api-key";

    /// <summary>The time unit x-throttling-info counts in: one second as published; tests shorten it.</summary>
    public TimeSpan ThrottleUnit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether a 429 carries a Retry-After header. The specs do not document one; off by default so clients cannot
    /// depend on it.
    /// </summary>
    public bool RetryAfterHeader { get; init; }

    /// <summary>
    /// An association without an entity is sent with <c>"entityId": null</c>, as the field's description says, although
    /// its schema is a plain string. On: the double accepts null there; off: the literal schema rejects it.
    /// </summary>
    public bool AssociationEntityIdNullable { get; init; } = true;

    /// <summary>
    /// What makes an association POST conflict (409): the same five-field tuple (default), or any association of the
    /// same resource and channel (one owner per resource and channel).
    /// </summary>
    public AssociationUniqueness AssociationUniqueness { get; init; } = AssociationUniqueness.Tuple;

    /// <summary>
    /// Deleting an application or entity that associations still name: the documented reset of those resources to
    /// application <c>default</c> and no entity (default), or a refusal with 400.
    /// </summary>
    public bool RefuseDeleteWhileAssociated { get; init; }

    /// <summary>
    /// What an inbound configuration POST ("create and update") does when the number already has a configuration of
    /// that channel and keyword: update it, keeping its configurationKey (default), or create another one.
    /// </summary>
    public InboundConfigurationUpsert InboundConfigurationUpsert { get; init; } = InboundConfigurationUpsert.NaturalKey;

    /// <summary>
    /// The largest <c>limit</c> the numbers list honours: the spec declares none (null, the default); a cap makes
    /// the double answer fewer numbers per page than asked, as a platform with an undocumented maximum would.
    /// </summary>
    public int? NumbersLimitCap { get; init; }
}

/// <summary>What an association POST conflicts with.</summary>
public enum AssociationUniqueness
{
    Tuple,
    ResourceAndChannel,
}

/// <summary>What an inbound configuration POST for an existing (number, channel, keyword) does.</summary>
public enum InboundConfigurationUpsert
{
    NaturalKey,
    AlwaysCreates,
}
