using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

using TableSenderPriority = CpaasX.Routing.Table.SenderPriority;

namespace CpaasX.Operator.Compilation;

// Stage 3: the routing table from the Ready objects.
internal sealed partial class NamespaceCompilation
{
    private RoutingTable BuildTable(IReadOnlyList<CompiledObject> compiled)
    {
        RoutingTableBuilder builder = new(_snapshot.Namespace);
        foreach (var application in _snapshot.Applications.Where(IsAvailable))
        {
            builder.AddApplication(application.EffectiveApplicationId, application.Spec.ApplicationName, application.Metadata.Name);
        }

        foreach (var entity in _snapshot.Entities.Where(IsAvailable))
        {
            builder.AddEntity(entity.EffectiveEntityId, entity.Spec.EntityName, entity.Metadata.Name);
        }

        // Every Resource, so an explicit sender is used when Ready and fitting, and refused with its status's reason otherwise
        // (one being deleted that nothing holds any more is left out: it is about to disappear; one without a name cannot be named).
        foreach (var item in compiled.Where(item => item.Object is Resource))
        {
            var resource = (Resource)item.Object;
            if (IsAvailable(resource))
            {
                builder.AddResource(SenderOf(resource));
            }
            else if (resource.Metadata?.Name is { Length: > 0 } name && item.DesiredStatus.FindReady() is { Status: not ConditionStatuses.True } ready)
            {
                builder.AddUnreadyResource(
                    name, resource.Spec?.Type, ResourceValues.SenderValue(resource.Spec), ChannelsOf(resource.Spec),
                    ready.Reason ?? "", ready.Message ?? "");
            }
        }

        foreach (var resource in _snapshot.Resources.Where(IsAvailable))
        {
            var spec = resource.Spec;
            if (spec.Type is ResourceType.Number or ResourceType.ChatApp)
            {
                builder.AddInboundResource(
                    SenderOf(resource), ChannelsOf(spec), spec.Number?.Shared == true, ApplicationIdOf(spec.ApplicationRef), EntityIdOf(spec.EntityRef));
            }
        }

        foreach (var association in _snapshot.ResourceAssociations.Where(IsAvailable))
        {
            builder.AddAssociation(
                association.Metadata.Name,
                SenderOf(_resources[association.Spec.ResourceRef!.Name]),
                association.Spec.Channel!.Value,
                ApplicationIdOf(association.Spec.ApplicationRef),
                EntityIdOf(association.Spec.EntityRef));
        }

        foreach (var strategy in _snapshot.SenderStrategies.Where(IsAvailable))
        {
            var spec = strategy.Spec;
            builder.AddStrategy(new SenderStrategyEntry(
                strategy.Metadata.Name,
                ApplicationIdOf(spec.ApplicationRef),
                EntityIdOf(spec.EntityRef),
                spec.Channel,
                spec.DestinationCountryCode,
                spec.UseStickySender,
                spec.UseGeolocatedSender,
                [.. (spec.Priorities ?? []).Select(priority => new TableSenderPriority(priority.SenderType!.Value, priority.Priority!.Value))]));
        }

        foreach (var configuration in _snapshot.InboundConfigurations.Where(IsAvailable))
        {
            var spec = configuration.Spec;
            builder.AddInboundConfiguration(
                configuration.Metadata.Name,
                spec.ResourceRef!.Name,
                spec.Channel!.Value,
                spec.Keyword,
                ApplicationIdOf(spec.ApplicationRef),
                EntityIdOf(spec.EntityRef));
        }

        return builder.Build();
    }

    private SenderResource SenderOf(Resource resource)
    {
        var name = resource.Metadata.Name;
        if (!_senders.TryGetValue(name, out var sender))
        {
            var spec = resource.Spec;
            _senders[name] = sender = new SenderResource(
                name,
                spec.Type!.Value,
                ResourceValues.SenderValue(spec)!,
                spec.Number?.NumberType,
                spec.Number?.Country,
                spec.Alpha?.Countries,
                ChannelsOf(spec));
        }

        return sender;
    }

    // The channels a resource has: a NUMBER's capabilities, a CHAT_APP's channel; none for the other types.
    internal static IReadOnlyList<Channel> ChannelsOf(ResourceSpec? spec) => spec?.Type switch
    {
        ResourceType.Number => [.. spec.Number?.Capabilities ?? []],
        ResourceType.ChatApp when spec.ChatApp?.Channel is Channel channel => [channel],
        _ => [],
    };
}
