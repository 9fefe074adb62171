namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// An inbound message configuration (<c>/resource-management/1/inbound-message-configurations</c>): which application
/// and entity the platform tags a number's inbound messages of one channel (and keyword) with. The platform assigns
/// <see cref="ConfigurationKey"/>; the sync matches on <see cref="Key"/>, which the CRD keeps unique per namespace and
/// the platform allows once per number.
/// </summary>
/// <param name="ConfigurationKey">The platform's key; null for one not created yet.</param>
/// <param name="ApplicationId">The configuration-level application, or null (with <paramref name="EntityId"/> null) for none: the number level applies.</param>
public sealed record PlatformInboundConfiguration(string? ConfigurationKey, InboundKey Key, string? ApplicationId, string? EntityId)
{
    /// <summary>
    /// A configuration tagging with <paramref name="applicationId"/> and <paramref name="entityId"/> as the platform
    /// reads them: neither, or application <c>default</c> with no entity, means the number level applies; an entity
    /// alone is tagged with application <c>default</c>.
    /// </summary>
    public static PlatformInboundConfiguration Of(string? configurationKey, InboundKey key, string? applicationId, string? entityId) =>
        entityId is null && applicationId is null or DeclaredAccount.DefaultApplication
            ? new(configurationKey, key, null, null)
            : new(configurationKey, key, applicationId ?? DeclaredAccount.DefaultApplication, entityId);

    /// <summary>Whether the configuration tags messages as <paramref name="other"/> does, whatever their keys.</summary>
    public bool SameTarget(PlatformInboundConfiguration other) => ApplicationId == other.ApplicationId && EntityId == other.EntityId;

    public override string ToString() => $"{Key} -> {(ApplicationId is null && EntityId is null ? "number level" : $"{ApplicationId}/{EntityId ?? "-"}")}";
}

/// <summary>An inbound configuration's natural key: the number, the platform's channel and the keyword (null: all messages).</summary>
public sealed record InboundKey(string NumberKey, string Channel, string? Keyword)
{
    /// <summary>The list the configuration is read from.</summary>
    public InboundListing Listing => new(NumberKey, Channel);

    public override string ToString() => $"{NumberKey} {Channel} {Keyword ?? "(no keyword)"}";
}
