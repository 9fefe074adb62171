using System.Buffers;

using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

namespace CpaasX.Routing.Resolution;

/// <summary>
/// Resolves outbound and inbound messages against one routing table with the rules of the domain. The lookup indexes
/// are built once here; resolving is thread-safe and allocates little beyond the explanation. Numbers of a request
/// (destination, explicit sender, inbound number) may come in any form <see cref="PhoneNumbers"/> reads; the table's
/// values are indexed in the same canonical form, so every form routes the same.
/// </summary>
public sealed class RoutingResolver
{
    private readonly Dictionary<PoolKey, IndexedSender[]> _pools = [];
    private readonly Dictionary<(Channel Channel, string ValueOrResource), PoolSender> _explicitSenders = [];
    private readonly Dictionary<string, ResourceEntry> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<StrategyKey, RankedStrategy> _strategies = [];
    private readonly Dictionary<(string Value, Channel Channel), InboundEntry> _inbound = [];
    private readonly HashSet<string> _knownValues = new(StringComparer.Ordinal);

    // Non-sticky picks rotate through the candidates; each replica starts at a random point so replicas do not march in step.
    private int _spreadCounter = Random.Shared.Next();

    public RoutingResolver(RoutingTable table)
    {
        foreach (var pool in table.OutboundPools)
        {
            IndexedSender[] senders = [.. pool.Senders.Select(s => new IndexedSender(s))];
            _pools[new PoolKey(pool.ApplicationId, pool.EntityId, pool.Channel)] = senders;
            foreach (var sender in senders)
            {
                _knownValues.Add(PhoneNumbers.Normalize(sender.Sender.Value));
            }
        }

        var readyByName = table.Resources.Where(r => r.Ready && r.Type is not null && r.Value is not null)
            .DistinctBy(r => r.Name).ToDictionary(r => r.Name, r => r.AsSender(), StringComparer.Ordinal);
        foreach (var channelSenders in table.Senders)
        {
            foreach (var name in channelSenders.Resources)
            {
                if (readyByName.TryGetValue(name, out var sender))
                {
                    AddExplicitSender(channelSenders.Channel, sender);
                }
            }
        }

        // Associated senders fit their channel as explicit senders too; in a table written before `senders` existed they are the only ones.
        foreach (var pool in table.OutboundPools)
        {
            foreach (var sender in pool.Senders)
            {
                AddExplicitSender(pool.Channel, sender);
            }
        }

        // Ready first, so a value that a Ready resource and a not-Ready duplicate share finds the Ready one.
        foreach (var resource in table.Resources.OrderBy(r => !r.Ready))
        {
            _resources.TryAdd(resource.Name, resource);
            if (resource.Value is { } value)
            {
                _resources.TryAdd(PhoneNumbers.Normalize(value), resource);
            }
        }

        foreach (var strategy in table.Strategies)
        {
            _strategies.TryAdd(
                new StrategyKey(strategy.ApplicationId, strategy.EntityId, strategy.Channel, strategy.DestinationCountryCode),
                new RankedStrategy(strategy));
        }

        foreach (var route in table.InboundRoutes)
        {
            var value = PhoneNumbers.Normalize(route.Value);
            _inbound.TryAdd((value, route.Channel), new InboundEntry(route));
            _knownValues.Add(value);
        }
    }

    public OutboundResolution ResolveOutbound(OutboundRequest request) => ResolveOutbound(request, sharing: null);

    /// <summary>
    /// The senders that share the messages of one request to its destination, each an equal part: the one sender a
    /// sticky pick or an explicit sender gives, every candidate a spread rotates over; none when unrouted. Unlike
    /// <see cref="ResolveOutbound(OutboundRequest)"/> it does not depend on the rotation's turn, so it tells what a change
    /// of the table does to a destination's traffic.
    /// </summary>
    public IReadOnlyList<PoolSender> ResolveSharingSenders(OutboundRequest request)
    {
        var sharing = new List<PoolSender>();
        var answer = ResolveOutbound(request, sharing);
        return answer.IsRouted && sharing.Count == 0 ? [answer.Sender!] : sharing;
    }

    // With `sharing`, a spread adds every candidate it rotates over to it.
    private OutboundResolution ResolveOutbound(OutboundRequest request, List<PoolSender>? sharing)
    {
        var applicationId = string.IsNullOrEmpty(request.ApplicationId) ? RouteSources.DefaultApplicationId : request.ApplicationId;
        var entityId = string.IsNullOrEmpty(request.EntityId) ? null : request.EntityId;
        var explanation = new List<string>(8);

        if (!string.IsNullOrEmpty(request.Sender))
        {
            return ResolveExplicit(request.Sender, request.Channel, applicationId, entityId, explanation);
        }

        if (!TryFindPool(applicationId, entityId, request.Channel, out var pool, out var level))
        {
            var message = $"No Ready {PlatformNames.Of(request.Channel)} association for application "
                + $"'{applicationId}'{(entityId is null ? string.Empty : $", entity '{entityId}'")}.";
            explanation.Add("pool: none at the pair, application or entity level");
            return OutboundResolution.Unrouted(UnroutedReason.NoSender, message, explanation);
        }

        explanation.Add($"pool: {level} level ({applicationId}/{entityId ?? "-"}), {pool.Length} sender(s)");
        var destination = PhoneNumbers.Normalize(request.Destination);
        var country = DestinationCountries.Of(destination);
        var strategy = FindStrategy(applicationId, entityId, request.Channel, country);
        explanation.Add(strategy is null
            ? "strategy: none matches; spread over the pool, no priorities"
            : $"strategy: {strategy.Entry.Name}");

        var candidates = ArrayPool<IndexedSender>.Shared.Rent(pool.Length);
        try
        {
            pool.CopyTo(candidates, 0);
            var count = KeepUsableForCountry(candidates, pool.Length, country);
            explanation.Add($"country {country ?? "unknown"}: {count} of {pool.Length} sender(s) usable");
            if (count == 0)
            {
                var message = $"No sender of the pool can send to {destination} (country {country ?? "unknown"}).";
                return OutboundResolution.Unrouted(UnroutedReason.NoSenderForDestination, message, explanation);
            }

            if (strategy is not null)
            {
                count = KeepBestPriorityGroup(candidates, count, strategy, explanation);
                if (strategy.Entry.UseGeolocatedSender)
                {
                    count = PreferDestinationAreaCode(candidates, count, destination, country, explanation);
                }
            }

            var chosen = strategy is { Entry.UseStickySender: true }
                ? PickSticky(candidates, count, destination, explanation)
                : PickSpread(candidates, count, explanation, sharing);
            return OutboundResolution.Routed(chosen.Sender, level, strategy?.Entry.Name, explanation);
        }
        finally
        {
            ArrayPool<IndexedSender>.Shared.Return(candidates, clearArray: true);
        }
    }

    public InboundResolution ResolveInbound(InboundRequest request)
    {
        var explanation = new List<string>(4);
        var number = PhoneNumbers.Normalize(request.Number);
        if (!_inbound.TryGetValue((number, request.Channel), out var entry))
        {
            return UnroutedInbound(number, request.Channel, explanation);
        }

        if (request.Channel == Channel.Voice)
        {
            if (entry.Route.DefaultRoute is not { } voiceRoute)
            {
                return UnroutedInbound(number, request.Channel, explanation);
            }

            explanation.Add($"voice: routed only by its VOICE association, {voiceRoute.Source}");
            return InboundResolution.Routed(voiceRoute, null, explanation);
        }

        var word = FirstWord(request.Text);
        if (entry.FindKeyword(word) is { } keywordRoute)
        {
            explanation.Add($"keyword: first word '{word}' matches {keywordRoute.Keyword} (case-insensitive)");
            explanation.Add($"route: {keywordRoute.Route.Source}");
            return InboundResolution.Routed(keywordRoute.Route, keywordRoute.Keyword, explanation);
        }

        explanation.Add(word.IsEmpty ? "keyword: the text has no first word" : $"keyword: first word '{word}' matches no keyword");
        if (entry.Route.DefaultRoute is null)
        {
            explanation.Add("default: none, a shared number carries keywords only");
            return InboundResolution.Unrouted(
                UnroutedReason.NoKeywordMatch,
                $"{number} is a shared number and the message starts with none of its keywords.",
                explanation);
        }

        explanation.Add($"route: default, {entry.Route.DefaultRoute.Source}");
        return InboundResolution.Routed(entry.Route.DefaultRoute, null, explanation);
    }

    private InboundResolution UnroutedInbound(string number, Channel channelValue, List<string> explanation)
    {
        var channel = PlatformNames.Of(channelValue);
        if (!_knownValues.Contains(number))
        {
            explanation.Add("number: not a resource of this table");
            return InboundResolution.Unrouted(UnroutedReason.UnknownNumber, $"{number} is not a resource of this namespace.", explanation);
        }

        if (channelValue == Channel.Voice)
        {
            explanation.Add("voice: no VOICE association; number-level settings do not route voice");
            return InboundResolution.Unrouted(
                UnroutedReason.VoiceRequiresAssociation, $"{number} has no VOICE association.", explanation);
        }

        explanation.Add($"number: receives nothing on {channel}");
        return InboundResolution.Unrouted(
            UnroutedReason.NoRouteForChannel, $"{number} has no inbound route for {channel}.", explanation);
    }

    // The platform's first outbound option: the request names its sender, which needs no association. It must be a
    // Ready Resource of the namespace that fits the channel; anything else is refused, saying which of the three it is.
    private OutboundResolution ResolveExplicit(string sender, Channel channel, string applicationId, string? entityId, List<string> explanation)
    {
        var key = PhoneNumbers.Normalize(sender);
        var channelName = PlatformNames.Of(channel);
        if (_explicitSenders.TryGetValue((channel, sender), out var chosen) || _explicitSenders.TryGetValue((channel, key), out chosen))
        {
            explanation.Add($"explicit sender {chosen.Value} ({chosen.Resource}) wins; no strategy runs");
            var associated = TryFindPool(applicationId, entityId, channel, out var pool, out var level)
                && pool.Any(s => s.Sender.Resource == chosen.Resource);
            var requester = $"application '{applicationId}'{(entityId is null ? string.Empty : $", entity '{entityId}'")}";
            explanation.Add(associated
                ? $"association: also in the {channelName} pool of {requester} ({level} level)"
                : $"association: not in the {channelName} pool of {requester}; sent because the request names it");
            return OutboundResolution.Routed(chosen, RoutingLevel.Explicit, null, explanation) with { SenderAssociated = associated };
        }

        if (!_resources.TryGetValue(sender, out var resource) && !_resources.TryGetValue(key, out resource))
        {
            explanation.Add($"explicit sender {sender}: not a Resource of this namespace");
            return OutboundResolution.Unrouted(UnroutedReason.UnknownSender, $"{sender} is not a Resource of this namespace.", explanation);
        }

        if (!resource.Ready)
        {
            explanation.Add($"explicit sender {sender}: Resource {resource.Name} is not Ready ({resource.Reason})");
            return OutboundResolution.Unrouted(
                UnroutedReason.SenderNotReady, $"Resource {resource.Name} is not Ready: {resource.Reason}: {resource.Message}", explanation);
        }

        var missing = (resource.Type is { } type ? SenderFit.WhyNot(type, resource.Capabilities, channel) : null)
            ?? $"it is not among the table's {channelName} senders";
        explanation.Add($"explicit sender {sender}: Resource {resource.Name} cannot send {channelName}");
        return OutboundResolution.Unrouted(
            UnroutedReason.SenderDoesNotFitChannel, $"Resource {resource.Name} cannot send {channelName}: {missing}.", explanation);
    }

    private void AddExplicitSender(Channel channel, PoolSender sender)
    {
        _explicitSenders.TryAdd((channel, sender.Resource), sender);
        _explicitSenders.TryAdd((channel, PhoneNumbers.Normalize(sender.Value)), sender);
    }

    // The most specific level that has associations: the pair, then the application alone, then the entity under
    // `default`. For the `default` application the pair is the entity level itself, and it comes before `default` alone.
    private bool TryFindPool(string applicationId, string? entityId, Channel channel, out IndexedSender[] pool, out RoutingLevel level)
    {
        var isDefaultApplication = applicationId == RouteSources.DefaultApplicationId;
        if (entityId is not null && _pools.TryGetValue(new PoolKey(applicationId, entityId, channel), out pool!))
        {
            level = isDefaultApplication ? RoutingLevel.Entity : RoutingLevel.Pair;
            return true;
        }

        if (_pools.TryGetValue(new PoolKey(applicationId, null, channel), out pool!))
        {
            level = RoutingLevel.Application;
            return true;
        }

        if (entityId is not null && !isDefaultApplication
            && _pools.TryGetValue(new PoolKey(RouteSources.DefaultApplicationId, entityId, channel), out pool!))
        {
            level = RoutingLevel.Entity;
            return true;
        }

        pool = [];
        level = default;
        return false;
    }

    // The most specific matching strategy: platform level (pair, application, entity, neither) first, then an exact
    // channel over an empty one, then an exact country over an empty one. Strategies exist for SMS and MMS only.
    private RankedStrategy? FindStrategy(string applicationId, string? entityId, Channel channel, string? country)
    {
        if (channel is not (Channel.Sms or Channel.Mms) || _strategies.Count == 0)
        {
            return null;
        }

        return (entityId is null ? null : FindAtLevel(applicationId, entityId, channel, country))
            ?? FindAtLevel(applicationId, null, channel, country)
            ?? (entityId is null ? null : FindAtLevel(null, entityId, channel, country))
            ?? FindAtLevel(null, null, channel, country);
    }

    private RankedStrategy? FindAtLevel(string? applicationId, string? entityId, Channel channel, string? country) =>
        TryStrategy(new StrategyKey(applicationId, entityId, channel, country), out var found)
        || TryStrategy(new StrategyKey(applicationId, entityId, null, country), out found)
            ? found
            : null;

    private bool TryStrategy(StrategyKey key, out RankedStrategy found) =>
        (key.Country is not null && _strategies.TryGetValue(key, out found!))
        || _strategies.TryGetValue(key with { Country = null }, out found!);

    private static int KeepUsableForCountry(IndexedSender[] candidates, int count, string? country)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var sender = candidates[i].Sender;
            if (SenderCountries.CanSendTo(sender.Type, sender.Country, sender.Countries, country))
            {
                candidates[kept++] = candidates[i];
            }
        }

        return kept;
    }

    // Keeps the lowest priority group that has senders; sender types the strategy does not rank come after all ranked ones.
    private static int KeepBestPriorityGroup(IndexedSender[] candidates, int count, RankedStrategy strategy, List<string> explanation)
    {
        var best = RankedStrategy.Unranked;
        for (var i = 0; i < count; i++)
        {
            best = Math.Min(best, strategy.RankOf(candidates[i].Sender));
        }

        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (strategy.RankOf(candidates[i].Sender) == best)
            {
                candidates[kept++] = candidates[i];
            }
        }

        explanation.Add(best == RankedStrategy.Unranked
            ? $"priorities: no ranked sender type left; {kept} unranked sender(s) kept"
            : $"priorities: group {best} kept, {kept} sender(s)");
        return kept;
    }

    // US/CA destinations prefer senders with the destination's area code; when none has it, all candidates stay.
    private static int PreferDestinationAreaCode(
        IndexedSender[] candidates, int count, string destination, string? country, List<string> explanation)
    {
        var areaCode = DestinationCountries.NorthAmericanAreaCode(destination);
        if (country is not ("US" or "CA") || areaCode.IsEmpty)
        {
            explanation.Add("geolocated: destination is not US/CA, not applied");
            return count;
        }

        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (areaCode.SequenceEqual(candidates[i].AreaCode))
            {
                (candidates[kept], candidates[i]) = (candidates[i], candidates[kept]);
                kept++;
            }
        }

        explanation.Add(kept == 0
            ? $"geolocated: no sender with area code {areaCode}; all {count} kept"
            : $"geolocated: {kept} sender(s) with area code {areaCode}");
        return kept == 0 ? count : kept;
    }

    private static IndexedSender PickSticky(IndexedSender[] candidates, int count, string destination, List<string> explanation)
    {
        var destinationHash = RendezvousHash.Hash(destination);
        var chosen = candidates[0];
        var bestScore = RendezvousHash.Score(destinationHash, chosen.Hash);
        for (var i = 1; i < count; i++)
        {
            var score = RendezvousHash.Score(destinationHash, candidates[i].Hash);
            if (score > bestScore)
            {
                (chosen, bestScore) = (candidates[i], score);
            }
        }

        explanation.Add($"sticky: rendezvous hash of destination and sender over {count} sender(s)");
        return chosen;
    }

    private IndexedSender PickSpread(IndexedSender[] candidates, int count, List<string> explanation, List<PoolSender>? sharing)
    {
        for (var i = 0; sharing is not null && i < count; i++)
        {
            sharing.Add(candidates[i].Sender);
        }

        var turn = (uint)Interlocked.Increment(ref _spreadCounter);
        explanation.Add($"spread: rotating over {count} sender(s)");
        return candidates[(int)(turn % (uint)count)];
    }

    private static ReadOnlySpan<char> FirstWord(string? text)
    {
        var trimmed = text.AsSpan().TrimStart();
        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        return trimmed[..end];
    }
}
