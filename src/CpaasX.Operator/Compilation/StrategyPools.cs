using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;
using CpaasX.Routing.Table;

using PoolSender = CpaasX.Operator.Api.V1Alpha1.PoolSender;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// The Ready SMS and MMS associations of a namespace indexed by application, entity and pair, so that each strategy's
/// pool is read from one list instead of a scan: the associations whose application and entity equal the strategy's
/// where it sets them, on its channel (both when empty), usable for its destination country when it sets one.
/// </summary>
internal sealed class StrategyPools
{
    private readonly List<Entry> _all = [];
    private readonly Dictionary<string, List<Entry>> _byApplication = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byEntity = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), List<Entry>> _byPair = [];

    public StrategyPools(IEnumerable<(ResourceAssociation Association, ResolvedAssociation Resolved, SenderResource Sender)> ready)
    {
        foreach ((_, var resolved, var sender) in ready)
        {
            if (resolved.Channel is not (Channel.Sms or Channel.Mms) || resolved.ApplicationId is null)
            {
                continue;
            }

            Entry entry = new(resolved.Channel.Value, sender);
            _all.Add(entry);
            _byApplication.AddToList(resolved.ApplicationId, entry);
            if (resolved.EntityId is not null)
            {
                _byEntity.AddToList(resolved.EntityId, entry);
                _byPair.AddToList((resolved.ApplicationId, resolved.EntityId), entry);
            }
        }
    }

    public StrategyPool For(SenderStrategySpec spec, string? applicationId, string? entityId)
    {
        var candidates = (applicationId, entityId) switch
        {
            (string application, string entity) => _byPair.GetValueOrDefault((application, entity)),
            (string application, null) => _byApplication.GetValueOrDefault(application),
            (null, string entity) => _byEntity.GetValueOrDefault(entity),
            _ => _all,
        };
        var ranks = (spec.Priorities ?? [])
            .Where(priority => priority.SenderType is not null && priority.Priority is not null)
            .DistinctBy(priority => priority.SenderType)
            .ToDictionary(priority => priority.SenderType!.Value, priority => priority.Priority!.Value);
        List<SenderResource> senders = [.. (candidates ?? [])
            .Where(entry => spec.Channel is null || entry.Channel == spec.Channel)
            .Where(entry => spec.DestinationCountryCode is null
                || SenderCountries.CanSendTo(entry.Sender.Type, entry.Sender.Country, entry.Sender.Countries, spec.DestinationCountryCode))
            .Select(entry => entry.Sender)
            .DistinctBy(sender => sender.Name)];
        return new StrategyPool(
            senders.Count,
            [.. senders
                // Types without a priority come after all ranked ones, as the resolver picks them.
                .OrderBy(sender => sender.SenderType is SenderType type && ranks.TryGetValue(type, out var rank) ? rank : int.MaxValue)
                .ThenBy(sender => sender.Value, StringComparer.Ordinal)
                .ThenBy(sender => sender.Name, StringComparer.Ordinal)
                .Take(AssociationList.MaxListed)
                .Select(sender => new PoolSender { Resource = sender.Name, SenderType = sender.SenderType, Value = sender.Value })]);
    }

    private sealed record Entry(Channel Channel, SenderResource Sender);
}
