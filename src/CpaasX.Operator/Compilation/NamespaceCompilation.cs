using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Api.Validation;
using CpaasX.Operator.Runtime;
using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

using TableSenderPriority = CpaasX.Routing.Table.SenderPriority;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// One run of <see cref="NamespaceCompiler.Compile"/>: decides every object's verdict kind by kind in reference order
/// (applications and entities, resources, associations, strategies, inbound configurations), so each rule sees the
/// final verdicts of the objects it depends on; then builds statuses and the routing table from the Ready objects.
/// The rules and their order are written down in docs/routing.md, "Compile: rules and reasons".
/// </summary>
internal sealed class NamespaceCompilation
{
    private const string KeySeparator = "\n";

    private readonly NamespaceSnapshot _snapshot;
    private readonly ResourceValueIndex _index;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<ICustomResource, Verdict> _verdicts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Application> _applications;
    private readonly Dictionary<string, Entity> _entities;
    private readonly Dictionary<string, Resource> _resources;
    private Dictionary<string, Resource> _localWinners = [];
    private readonly Dictionary<ResourceAssociation, ResolvedAssociation> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SenderStrategy, StrategyPool> _pools = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<InboundConfiguration, EffectiveRoute> _routes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, SenderResource> _senders = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Name), UndecodableObject> _undecodable = [];

    public NamespaceCompilation(NamespaceSnapshot snapshot, ResourceValueIndex index, DateTimeOffset now)
    {
        // Arbitrary input: lists may be missing or hold nulls; neither may stop the namespace from compiling.
        _snapshot = new NamespaceSnapshot(
            snapshot.Namespace ?? "",
            Present(snapshot.Applications),
            Present(snapshot.Entities),
            Present(snapshot.Resources),
            Present(snapshot.ResourceAssociations),
            Present(snapshot.SenderStrategies),
            Present(snapshot.InboundConfigurations))
        {
            Undecodable = snapshot.Undecodable ?? [],
        };
        _index = index;
        _now = now;
        _applications = ByName(_snapshot.Applications);
        _entities = ByName(_snapshot.Entities);
        _resources = ByName(_snapshot.Resources);
        foreach (UndecodableObject undecodable in _snapshot.Undecodable)
        {
            _undecodable.TryAdd((undecodable.Kind, undecodable.Metadata.Name), undecodable);
        }
    }

    public CompileResult Run()
    {
        DecideApplications();
        DecideEntities();
        DecideResources();
        DecideAssociations();
        DecideStrategies();
        DecideInboundConfigurations();

        Referrers referrers = new(_snapshot);
        AssociationUsage usage = new(_snapshot.ResourceAssociations
            .Where(association => !IsDeleting(association))
            .Select(association => (association, _verdicts[association], _resolved.GetValueOrDefault(association))));
        List<CompiledObject> compiled = [.. _snapshot.All.Select(item => Compiled(item, referrers, usage))];
        return new CompileResult(
            _snapshot.Namespace,
            compiled,
            BuildTable(compiled),
            [.. _snapshot.Undecodable.Select(undecodable => CompiledUndecodable.For(undecodable, _now))]);
    }

    private void DecideApplications()
    {
        List<Application> passing = Pass(_snapshot.Applications, Invalid);
        passing = Unique(passing, application => application.EffectiveApplicationId, (application, winner) => Conflict(
            $"applicationId {application.EffectiveApplicationId} is already used by Application {winner.Metadata.Name}, which is older"));
        Resolve(passing);
    }

    private void DecideEntities()
    {
        List<Entity> passing = Pass(_snapshot.Entities, Invalid);
        passing = Unique(passing, entity => entity.EffectiveEntityId, (entity, winner) => Conflict(
            $"entityId {entity.EffectiveEntityId} is already used by Entity {winner.Metadata.Name}, which is older"));
        Resolve(passing);
    }

    private void DecideResources()
    {
        // Every Resource with a value counts, valid or not, as every declaration in other namespaces does.
        _localWinners = Winners.Oldest(
            _snapshot.Resources.Where(resource => !IsDeleting(resource) && ResourceValues.Key(resource.Spec) is not null),
            resource => ResourceValues.Key(resource.Spec)!);

        List<Resource> passing = Pass(_snapshot.Resources, Invalid);
        passing = Pass(passing, DuplicateOf);
        passing = Pass(passing, BrokenReference);
        Resolve(passing);
    }

    private void DecideAssociations()
    {
        List<ResourceAssociation> passing = Pass(_snapshot.ResourceAssociations, Invalid);
        passing = Pass(passing, BrokenReference);
        foreach (ResourceAssociation association in passing)
        {
            Resource resource = _resources[association.Spec.ResourceRef!.Name];
            _resolved[association] = new ResolvedAssociation
            {
                ResourceType = resource.Spec.Type,
                Value = ResourceValues.StatusValue(resource.Spec),
                ApplicationId = ApplicationIdOf(association.Spec.ApplicationRef) ?? RouteSources.DefaultApplicationId,
                EntityId = EntityIdOf(association.Spec.EntityRef),
                Channel = association.Spec.Channel,
            };
        }

        passing = Pass(passing, association =>
            Incompatible(ChannelFit.ForAssociation(_resources[association.Spec.ResourceRef!.Name], association.Spec.Channel!.Value)));
        passing = Unique(passing, AssociationKey, (association, winner) => Conflict(
            $"ResourceAssociation {winner.Metadata.Name} already links the same resource, channel, application and entity, and is older"));
        passing = Unique(passing, VoiceKey, (association, winner) => Conflict(
            $"Resource {association.Spec.ResourceRef!.Name} already has a VOICE association, {winner.Metadata.Name}, which is older; a number has one voice action"));
        Resolve(passing);
    }

    private void DecideStrategies()
    {
        List<SenderStrategy> passing = Pass(_snapshot.SenderStrategies, Invalid);
        passing = Pass(passing, BrokenReference);
        passing = Unique(passing, StrategyKey, (strategy, winner) => Conflict(
            $"SenderStrategy {winner.Metadata.Name} already covers the same application, entity, channel and country, and is older"));

        StrategyPools pools = new(_snapshot.ResourceAssociations.Where(IsAvailable).Select(association =>
            (association, _resolved[association], SenderOf(_resources[association.Spec.ResourceRef!.Name]))));
        foreach (SenderStrategy strategy in passing)
        {
            _pools[strategy] = pools.For(strategy.Spec, ApplicationIdOf(strategy.Spec.ApplicationRef), EntityIdOf(strategy.Spec.EntityRef));
        }

        passing = Pass(passing, strategy => _pools[strategy].Count > 0 ? null : new Verdict(
            ConditionReasons.NoSenders,
            "no Ready SMS or MMS association at the strategy's level (its application, entity, channel and destination country) to pick a sender from"));
        Resolve(passing);
    }

    private void DecideInboundConfigurations()
    {
        List<InboundConfiguration> passing = Pass(_snapshot.InboundConfigurations, Invalid);
        passing = Pass(passing, BrokenReference);
        foreach (InboundConfiguration configuration in passing)
        {
            _routes[configuration] = EffectiveRouteOf(configuration);
        }

        passing = Pass(passing, configuration =>
            Incompatible(ChannelFit.ForInbound(_resources[configuration.Spec.ResourceRef!.Name], configuration.Spec.Channel!.Value)));
        passing = Pass(passing, configuration =>
            string.IsNullOrEmpty(configuration.Spec.Keyword) && _resources[configuration.Spec.ResourceRef!.Name].Spec.Number?.Shared == true
                ? new Verdict(
                    ConditionReasons.DefaultNotAllowedOnSharedNumber,
                    $"Resource {configuration.Spec.ResourceRef.Name} is a shared number: it takes keyword configurations only")
                : null);
        passing = Unique(passing, InboundKey, (configuration, winner) => Conflict(
            $"InboundConfiguration {winner.Metadata.Name} already takes this resource, channel and keyword, and is older"));
        Resolve(passing);
    }

    // Each stage records the verdict of the objects that fail its rule and hands the others to the next stage.
    private List<T> Pass<T>(IEnumerable<T> objects, Func<T, Verdict?> rule)
        where T : ICustomResource
    {
        List<T> passing = [];
        foreach (T item in objects)
        {
            if (rule(item) is Verdict verdict)
            {
                _verdicts[item] = verdict;
            }
            else
            {
                passing.Add(item);
            }
        }

        return passing;
    }

    // Among the objects that are not deleting, one per key: the oldest. Objects without a key are not subject to it.
    private List<T> Unique<T>(List<T> passing, Func<T, string?> key, Func<T, T, Verdict> loser)
        where T : ICustomResource
    {
        Dictionary<string, T> winners = Winners.Oldest(
            passing.Where(item => !IsDeleting(item) && key(item) is not null), item => key(item)!);
        return Pass(passing, item =>
            IsDeleting(item) || key(item) is not string itemKey || ReferenceEquals(winners[itemKey], item) ? null : loser(item, winners[itemKey]));
    }

    private void Resolve<T>(IEnumerable<T> passing)
        where T : ICustomResource
    {
        foreach (T item in passing)
        {
            _verdicts[item] = Verdict.Resolved;
        }
    }

    private static Verdict? Invalid(ICustomResource item)
    {
        IEnumerable<ValidationError> errors = item.Metadata is null ? [new("metadata", "Required value")]
            : item.SpecObject is null ? [new("spec", "Required value")]
            // Status is the operator's to write; a stale or foreign status does not make the object invalid.
            : ObjectValidator.Validate(item, includeStatus: false);
        string violations = string.Join("; ", errors);
        return violations.Length == 0 ? null : new Verdict(ConditionReasons.Invalid, violations);
    }

    private Verdict? DuplicateOf(Resource resource)
    {
        if (IsDeleting(resource) || ResourceValues.Key(resource.Spec) is not string key)
        {
            return null;
        }

        Resource localWinner = _localWinners[key];
        ResourceDeclaration local = new(_snapshot.Namespace, localWinner.Metadata?.Name ?? "", localWinner.Metadata?.CreationTimestamp);
        ResourceDeclaration? foreign = _index.DeclarationsOf(key).FirstOrDefault(declaration => declaration.Namespace != _snapshot.Namespace);
        ResourceDeclaration winner = foreign is not null && foreign.CompareTo(local) < 0 ? foreign : local;
        return winner.Namespace == _snapshot.Namespace && winner.Name == resource.Metadata.Name
            ? null
            : new Verdict(
                ConditionReasons.Duplicate,
                $"{ResourceValues.StatusValue(resource.Spec)} is already declared by Resource {winner}, which is older; a resource is bought once");
    }

    // The first reference, as Referrers lists them, that does not reach an object that is Ready and not being deleted.
    private Verdict? BrokenReference(ICustomResource item) => Referrers.References(item)
        .Select(target => target.Kind switch
        {
            nameof(Application) => Missing(target.Kind, target.Reference, _applications),
            nameof(Entity) => Missing(target.Kind, target.Reference, _entities),
            _ => Missing(target.Kind, target.Reference, _resources),
        })
        .FirstOrDefault(verdict => verdict is not null);

    private Verdict? Missing<T>(string kind, LocalObjectReference? reference, Dictionary<string, T> targets)
        where T : ICustomResource
    {
        if (reference is null)
        {
            return null;
        }

        string? problem = !targets.TryGetValue(reference.Name, out T? target)
                ? _undecodable.TryGetValue((kind, reference.Name), out UndecodableObject? undecodable)
                    ? $"is not Ready ({ConditionReasons.Undecodable}: {undecodable.Problem})"
                    : "not found"
            : IsDeleting(target) ? "is being deleted"
            : _verdicts[target] is { IsReady: false } verdict ? $"is not Ready ({verdict.Reason})"
            : null;
        return problem is null ? null : new Verdict(ConditionReasons.ReferenceNotFound, $"{kind} {reference.Name} {problem}");
    }

    private static Verdict Conflict(string message) => new(ConditionReasons.Conflict, message);

    private static Verdict? Incompatible(string? misfit) => misfit is null ? null : new(ConditionReasons.Incompatible, misfit);

    private string AssociationKey(ResourceAssociation association) => string.Join(
        KeySeparator, association.Spec.ResourceRef!.Name, association.Spec.Channel, _resolved[association].ApplicationId, _resolved[association].EntityId);

    private static string? VoiceKey(ResourceAssociation association) =>
        association.Spec.Channel == Channel.Voice ? association.Spec.ResourceRef!.Name : null;

    private string StrategyKey(SenderStrategy strategy) => string.Join(
        KeySeparator,
        ApplicationIdOf(strategy.Spec.ApplicationRef),
        EntityIdOf(strategy.Spec.EntityRef),
        strategy.Spec.Channel,
        strategy.Spec.DestinationCountryCode);

    private static string InboundKey(InboundConfiguration configuration) => string.Join(
        KeySeparator, configuration.Spec.ResourceRef!.Name, configuration.Spec.Channel, configuration.Spec.Keyword?.ToUpperInvariant());

    // The route the routing table gives the configuration, and which level decided it.
    private EffectiveRoute EffectiveRouteOf(InboundConfiguration configuration)
    {
        InboundConfigurationSpec spec = configuration.Spec;
        Resource resource = _resources[spec.ResourceRef!.Name];
        RouteTarget? configurationLevel = InboundFallThrough.LevelRoute(
            ApplicationIdOf(spec.ApplicationRef), EntityIdOf(spec.EntityRef), RouteSources.Of(nameof(InboundConfiguration), configuration.Metadata.Name));
        RouteTarget? numberLevel = InboundFallThrough.LevelRoute(
            ApplicationIdOf(resource.Spec.ApplicationRef), EntityIdOf(resource.Spec.EntityRef), RouteSources.Of(nameof(Resource), resource.Metadata.Name));
        RouteTarget route = InboundFallThrough.Route(configurationLevel, numberLevel);
        return new EffectiveRoute
        {
            ApplicationId = route.ApplicationId,
            EntityId = route.EntityId,
            Source = ReferenceEquals(route, configurationLevel) ? RouteSource.Configuration
                : ReferenceEquals(route, numberLevel) ? RouteSource.Resource
                : RouteSource.Default,
        };
    }

    private CompiledObject Compiled(ICustomResource item, Referrers referrers, AssociationUsage usage)
    {
        bool isProtected = item is Application or Entity or Resource;
        bool deleting = IsDeleting(item);
        IReadOnlyList<string> referencedBy = isProtected ? referrers.Of(item) : [];
        bool held = deleting && referencedBy.Count > 0;
        bool? keepsFinalizer = isProtected ? !deleting || held : null;

        // A deleting object nothing holds is about to disappear: its observed status stays as it is.
        if (deleting && !held && item.StatusObject is CustomResourceStatus observed)
        {
            return new CompiledObject(item, observed, keepsFinalizer, referencedBy);
        }

        Verdict verdict = held
            ? new Verdict(ConditionReasons.InUse, $"deletion waits until nothing references it; still referenced by {StatusCaps.List(referencedBy)}")
            : _verdicts[item];
        CustomResourceStatus desired = DesiredStatus(item, verdict, usage);
        return new CompiledObject(
            item,
            StatusComparer.Instance.Equals(desired, item.StatusObject) ? item.StatusObject! : desired,
            keepsFinalizer,
            referencedBy);
    }

    private CustomResourceStatus DesiredStatus(ICustomResource item, Verdict verdict, AssociationUsage usage)
    {
        long? generation = item.Metadata?.Generation;
        Condition[] conditions = KstatusConditions.For(verdict, item.StatusObject?.Conditions, generation, _now);
        return item switch
        {
            Application application => new ApplicationStatus
            {
                ObservedGeneration = generation,
                Conditions = conditions,
                ApplicationId = application.EffectiveApplicationId,
                AssociationCount = usage.OfApplication(application.Metadata?.Name).Count,
                Associations = [.. usage.OfApplication(application.Metadata?.Name).Take(AssociationList.MaxListed)],
            },
            Entity entity => new EntityStatus
            {
                ObservedGeneration = generation,
                Conditions = conditions,
                EntityId = entity.EffectiveEntityId,
                AssociationCount = usage.OfEntity(entity.Metadata?.Name).Count,
                Associations = [.. usage.OfEntity(entity.Metadata?.Name).Take(AssociationList.MaxListed)],
            },
            Resource resource => new ResourceStatus
            {
                ObservedGeneration = generation,
                Conditions = conditions,
                Value = ResourceValues.StatusValue(resource.Spec),
                AssociationCount = usage.OfResource(resource.Metadata?.Name).Count,
                Associations = [.. usage.OfResource(resource.Metadata?.Name).Take(AssociationList.MaxListed)],
            },
            ResourceAssociation association => new ResourceAssociationStatus
            {
                ObservedGeneration = generation,
                Conditions = conditions,
                Resolved = _resolved.GetValueOrDefault(association),
            },
            SenderStrategy strategy => new SenderStrategyStatus
            {
                ObservedGeneration = generation,
                Conditions = conditions,
                SenderCount = _pools.GetValueOrDefault(strategy)?.Count,
                SenderPool = _pools.GetValueOrDefault(strategy)?.Listed,
            },
            InboundConfiguration configuration => new InboundConfigurationStatus
            {
                ObservedGeneration = generation,
                Conditions = conditions,
                EffectiveRoute = _routes.GetValueOrDefault(configuration),
            },
            _ => throw new ArgumentException($"{item.GetType()} is not one of the cpaasx.io kinds.", nameof(item)),
        };
    }

    private RoutingTable BuildTable(IReadOnlyList<CompiledObject> compiled)
    {
        RoutingTableBuilder builder = new(_snapshot.Namespace);
        foreach (Application application in _snapshot.Applications.Where(IsAvailable))
        {
            builder.AddApplication(application.EffectiveApplicationId, application.Spec.ApplicationName, application.Metadata.Name);
        }

        foreach (Entity entity in _snapshot.Entities.Where(IsAvailable))
        {
            builder.AddEntity(entity.EffectiveEntityId, entity.Spec.EntityName, entity.Metadata.Name);
        }

        // Every Resource, so an explicit sender is used when Ready and fitting, and refused with its status's reason otherwise
        // (one being deleted that nothing holds any more is left out: it is about to disappear; one without a name cannot be named).
        foreach (CompiledObject item in compiled.Where(item => item.Object is Resource))
        {
            Resource resource = (Resource)item.Object;
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

        foreach (Resource resource in _snapshot.Resources.Where(IsAvailable))
        {
            ResourceSpec spec = resource.Spec;
            if (spec.Type is ResourceType.Number or ResourceType.ChatApp)
            {
                builder.AddInboundResource(
                    SenderOf(resource), ChannelsOf(spec), spec.Number?.Shared == true, ApplicationIdOf(spec.ApplicationRef), EntityIdOf(spec.EntityRef));
            }
        }

        foreach (ResourceAssociation association in _snapshot.ResourceAssociations.Where(IsAvailable))
        {
            builder.AddAssociation(
                association.Metadata.Name,
                SenderOf(_resources[association.Spec.ResourceRef!.Name]),
                association.Spec.Channel!.Value,
                ApplicationIdOf(association.Spec.ApplicationRef),
                EntityIdOf(association.Spec.EntityRef));
        }

        foreach (SenderStrategy strategy in _snapshot.SenderStrategies.Where(IsAvailable))
        {
            SenderStrategySpec spec = strategy.Spec;
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

        foreach (InboundConfiguration configuration in _snapshot.InboundConfigurations.Where(IsAvailable))
        {
            InboundConfigurationSpec spec = configuration.Spec;
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
        string name = resource.Metadata.Name;
        if (!_senders.TryGetValue(name, out SenderResource? sender))
        {
            ResourceSpec spec = resource.Spec;
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

    private string? ApplicationIdOf(LocalObjectReference? reference) =>
        reference is null ? null : _applications[reference.Name].EffectiveApplicationId;

    private string? EntityIdOf(LocalObjectReference? reference) =>
        reference is null ? null : _entities[reference.Name].EffectiveEntityId;

    private bool IsAvailable(ICustomResource item) => !IsDeleting(item) && _verdicts[item].IsReady;

    private static bool IsDeleting(ICustomResource item) => item.Metadata?.DeletionTimestamp is not null;

    private static IReadOnlyList<T> Present<T>(IReadOnlyList<T>? items)
        where T : class => items is null ? [] : [.. items.Where(item => item is not null)];

    // Names repeat only in hand-made input; the oldest object of a name is the one references reach.
    private static Dictionary<string, T> ByName<T>(IEnumerable<T> objects)
        where T : class, ICustomResource
    {
        Dictionary<string, T> byName = new(StringComparer.Ordinal);
        foreach (T item in objects.Where(item => item.Metadata?.Name is not null).Order(CreationOrder.Instance))
        {
            byName.TryAdd(item.Metadata.Name, item);
        }

        return byName;
    }
}
