using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>
/// Collects the Ready objects of one namespace, in any order, and builds its <see cref="RoutingTable"/>: every list sorted
/// by ordinal keys, so the order of the calls never changes the table. Where two entries claim the same key (which the
/// compiler's duplicate and conflict rules prevent) the one whose object name sorts first is kept.
/// The inbound fall-through (configuration, then number level, then <c>default</c>) is <see cref="InboundFallThrough"/>.
/// </summary>
public sealed class RoutingTableBuilder(string @namespace)
{
    private readonly List<ApplicationEntry> _applications = [];
    private readonly List<EntityEntry> _entities = [];
    private readonly List<(string ApplicationId, string? EntityId, Channel Channel, PoolSender Sender)> _associations = [];
    private readonly List<SenderStrategyEntry> _strategies = [];
    private readonly Dictionary<string, InboundResource> _inboundResources = new(StringComparer.Ordinal);
    private readonly List<InboundConfigurationInput> _configurations = [];
    private readonly List<ResourceEntry> _resources = [];
    private readonly List<(Channel Channel, string Resource)> _senders = [];

    public RoutingTableBuilder AddApplication(string applicationId, string? applicationName, string objectName)
    {
        _applications.Add(new ApplicationEntry(applicationId, applicationName, RouteSources.Of("Application", objectName)));
        return this;
    }

    public RoutingTableBuilder AddEntity(string entityId, string? entityName, string objectName)
    {
        _entities.Add(new EntityEntry(entityId, entityName, RouteSources.Of("Entity", objectName)));
        return this;
    }

    /// <summary>
    /// A Ready ResourceAssociation. No application means the <c>default</c> application. A VOICE association of a
    /// number also becomes that number's inbound voice route.
    /// </summary>
    public RoutingTableBuilder AddAssociation(
        string associationName, SenderResource resource, Channel channel, string? applicationId, string? entityId)
    {
        var sender = new PoolSender(
            resource.Name,
            resource.Type,
            resource.Value,
            resource.SenderType,
            resource.Country,
            SortedCountries(resource),
            RouteSources.Of("ResourceAssociation", associationName));
        _associations.Add((applicationId ?? RouteSources.DefaultApplicationId, entityId, channel, sender));
        return this;
    }

    /// <summary>
    /// A Ready Resource: described in <see cref="RoutingTable.Resources"/>, and named in <see cref="RoutingTable.Senders"/>
    /// under every channel it fits as an explicit sender (<see cref="SenderFit"/>).
    /// </summary>
    public RoutingTableBuilder AddResource(SenderResource resource)
    {
        Channel[] capabilities = [.. (resource.Capabilities ?? []).Distinct().Order()];
        _resources.Add(new ResourceEntry(
            resource.Name, resource.Type, resource.Value, resource.SenderType, resource.Country, SortedCountries(resource), capabilities, true, null, null));
        _senders.AddRange(Enum.GetValues<Channel>()
            .Where(channel => SenderFit.Fits(resource.Type, capabilities, channel))
            .Select(channel => (channel, resource.Name)));
        return this;
    }

    /// <summary>A Resource that is not Ready, with its Ready condition's reason and message: it sends nothing.</summary>
    public RoutingTableBuilder AddUnreadyResource(
        string name, ResourceType? type, string? value, IEnumerable<Channel> capabilities, string reason, string message)
    {
        _resources.Add(new ResourceEntry(name, type, value, null, null, [], [.. capabilities.Distinct().Order()], false, reason, message));
        return this;
    }

    public RoutingTableBuilder AddStrategy(SenderStrategyEntry strategy)
    {
        _strategies.Add(strategy);
        return this;
    }

    /// <summary>
    /// A Ready resource that receives inbound traffic on <paramref name="channels"/> (VOICE is ignored here: voice is
    /// routed only by a VOICE association), with its number-level route if it has one.
    /// </summary>
    public RoutingTableBuilder AddInboundResource(
        SenderResource resource,
        IEnumerable<Channel> channels,
        bool shared = false,
        string? applicationId = null,
        string? entityId = null)
    {
        var numberLevel = InboundFallThrough.LevelRoute(applicationId, entityId, RouteSources.Of("Resource", resource.Name));
        _inboundResources[resource.Name] = new InboundResource(resource, [.. channels.Where(c => c != Channel.Voice)], shared, numberLevel);
        return this;
    }

    /// <summary>A Ready InboundConfiguration of a resource added with <see cref="AddInboundResource"/>.</summary>
    public RoutingTableBuilder AddInboundConfiguration(
        string configurationName, string resourceName, Channel channel, string? keyword, string? applicationId, string? entityId)
    {
        var normalizedKeyword = string.IsNullOrWhiteSpace(keyword) ? null : keyword.Trim().ToUpperInvariant();
        _configurations.Add(new InboundConfigurationInput(configurationName, resourceName, channel, normalizedKeyword, applicationId, entityId));
        return this;
    }

    public RoutingTable Build() => new(
        @namespace,
        [.. _applications
            .OrderBy(a => a.ApplicationId, StringComparer.Ordinal)
            .ThenBy(a => a.Source, StringComparer.Ordinal)
            .DistinctBy(a => a.ApplicationId)],
        [.. _entities
            .OrderBy(e => e.EntityId, StringComparer.Ordinal)
            .ThenBy(e => e.Source, StringComparer.Ordinal)
            .DistinctBy(e => e.EntityId)],
        BuildPools(),
        [.. _strategies
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .DistinctBy(s => s.Name)
            .Select(s => s with { Priorities = [.. s.Priorities.OrderBy(p => p.Priority).ThenBy(p => p.SenderType)] })],
        BuildInboundRoutes())
    {
        Senders = [.. _senders
            .GroupBy(s => s.Channel)
            .OrderBy(g => g.Key)
            .Select(g => new ChannelSenders(g.Key, [.. g.Select(s => s.Resource).Distinct().Order(StringComparer.Ordinal)]))],
        Resources = [.. _resources.OrderBy(r => r.Name, StringComparer.Ordinal).DistinctBy(r => r.Name)],
    };

    private static string[] SortedCountries(SenderResource resource) => [.. (resource.Countries ?? []).Order(StringComparer.Ordinal)];

    private static List<PoolSender> SortedSenders(IEnumerable<PoolSender> senders) =>
        [.. senders
            .DistinctBy(s => s.Resource)
            .OrderBy(s => s.Value, StringComparer.Ordinal)
            .ThenBy(s => s.Resource, StringComparer.Ordinal)];

    private List<OutboundPool> BuildPools() =>
        [.. _associations
            .OrderBy(a => a.Sender.Source, StringComparer.Ordinal)
            .GroupBy(a => (a.ApplicationId, a.EntityId, a.Channel))
            .Select(g => new OutboundPool(
                g.Key.ApplicationId,
                g.Key.EntityId,
                g.Key.Channel,
                SortedSenders(g.Select(a => a.Sender))))
            .OrderBy(p => p.ApplicationId, StringComparer.Ordinal)
            .ThenBy(p => p.EntityId, StringComparer.Ordinal)
            .ThenBy(p => p.Channel)];

    private List<InboundRoute> BuildInboundRoutes()
    {
        var routes = new List<InboundRoute>();
        var configurationsByResource = _configurations
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToLookup(c => c.ResourceName, StringComparer.Ordinal);
        var unknown = configurationsByResource.Select(g => g.Key).Where(name => !_inboundResources.ContainsKey(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"Inbound configurations name resources that were not added as inbound resources: {string.Join(", ", unknown)}.");
        }

        foreach (var resource in _inboundResources.Values)
        {
            var configurations = configurationsByResource[resource.Resource.Name].ToList();
            foreach (var channel in resource.Channels.Concat(configurations.Select(c => c.Channel)).Distinct())
            {
                var onChannel = configurations.Where(c => c.Channel == channel).ToList();
                var defaultConfiguration = onChannel.FirstOrDefault(c => c.Keyword is null);
                var defaultRoute = resource.Shared
                    ? null
                    : defaultConfiguration is null ? InboundFallThrough.Route(null, resource.NumberLevel) : EffectiveRoute(defaultConfiguration, resource);
                List<KeywordRoute> keywordRoutes =
                [
                    .. onChannel
                        .Where(c => c.Keyword is not null)
                        .DistinctBy(c => c.Keyword)
                        .Select(c => new KeywordRoute(c.Keyword!, EffectiveRoute(c, resource)))
                        .OrderBy(k => k.Keyword, StringComparer.Ordinal),
                ];
                routes.Add(new InboundRoute(resource.Resource.Name, resource.Resource.Value, channel, defaultRoute, keywordRoutes));
            }
        }

        routes.AddRange(_associations
            .Where(a => a.Channel == Channel.Voice && a.Sender.Type == ResourceType.Number)
            .OrderBy(a => a.Sender.Source, StringComparer.Ordinal)
            .DistinctBy(a => a.Sender.Resource)
            .Select(a => new InboundRoute(
                a.Sender.Resource,
                a.Sender.Value,
                Channel.Voice,
                new RouteTarget(a.ApplicationId, a.EntityId, a.Sender.Source),
                [])));

        return [.. routes.OrderBy(r => r.Value, StringComparer.Ordinal).ThenBy(r => r.Channel).ThenBy(r => r.Resource, StringComparer.Ordinal)];
    }

    private static RouteTarget EffectiveRoute(InboundConfigurationInput configuration, InboundResource resource) => InboundFallThrough.Route(
        InboundFallThrough.LevelRoute(configuration.ApplicationId, configuration.EntityId, RouteSources.Of("InboundConfiguration", configuration.Name)),
        resource.NumberLevel);
}
