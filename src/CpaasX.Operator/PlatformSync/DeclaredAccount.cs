using CpaasX.Operator.Api.Schema;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// What a namespace declares for the platform, taken from the compile's view: only objects that are Ready and not
/// being deleted count (a broken object never changes the account), and what has no platform counterpart is listed
/// in <see cref="NotSynced"/> with the reason. <see cref="PresentOwners"/> are all objects not being deleted
/// (<c>Kind/name</c>) and those being deleted that their in-use protection still holds, <see cref="ReadyOwners"/> the
/// Ready ones among them, <see cref="Released"/> those being deleted that nothing holds any more: what they declared
/// is deleted on the platform before the sync's finalizer lets them go.
/// </summary>
public sealed record DeclaredAccount(
    IReadOnlyList<Declared<PlatformNamed>> Applications,
    IReadOnlyList<Declared<PlatformNamed>> Entities,
    IReadOnlyList<Declared<AssociationKey>> Associations,
    IReadOnlyList<Declared<PlatformStrategy>> Strategies,
    IReadOnlyList<(string Owner, string Reason)> NotSynced,
    IReadOnlySet<string> ReadyOwners,
    IReadOnlySet<string> PresentOwners)
{
    public const string DefaultApplication = "default";

    public IReadOnlySet<string> Released { get; init; } = new HashSet<string>();

    internal const string NotReadyReference = "not synced: refers to an object that is not Ready";

    public static DeclaredAccount From(CompileResult compiled)
    {
        List<ICustomResource> ready = [.. compiled.Objects
            .Where(item => item.Object.Metadata.DeletionTimestamp is null
                && item.DesiredStatus.Conditions?.Any(condition => condition.Type == ConditionTypes.Ready && condition.Status == ConditionStatuses.True) == true)
            .Select(item => item.Object)];
        var applications = ready.OfType<Application>().ToDictionary(item => item.Metadata.Name);
        var entities = ready.OfType<Entity>().ToDictionary(item => item.Metadata.Name);
        var resources = ready.OfType<Resource>().ToDictionary(item => item.Metadata.Name);
        List<(string, string)> notSynced = [];

        List<Declared<AssociationKey>> associations = [];
        foreach (var association in ready.OfType<ResourceAssociation>())
        {
            if (!resources.TryGetValue(association.Spec.ResourceRef!.Name, out var resource)
                || !Resolves(applications, association.Spec.ApplicationRef) || !Resolves(entities, association.Spec.EntityRef))
            {
                notSynced.Add((Owner(association), NotReadyReference));
                continue;
            }

            var (target, reason) = PlatformMapping.AssociationTarget(resource.Spec, association.Spec.Channel!.Value);
            if (target is (string type, string id))
            {
                associations.Add(new(
                    new AssociationKey(type, JsonNames.Of(association.Spec.Channel!.Value), ApplicationId(applications, association.Spec.ApplicationRef) ?? DefaultApplication,
                        EntityId(entities, association.Spec.EntityRef), id),
                    Owner(association)));
            }
            else
            {
                notSynced.Add((Owner(association), reason!));
            }
        }

        (var numbers, var inbound) = DeclaredInbound.From(ready, applications, entities, resources, notSynced);

        List<SenderStrategy> strategies = [.. ready.OfType<SenderStrategy>()];
        notSynced.AddRange(strategies.Where(item => !Resolves(applications, item.Spec.ApplicationRef) || !Resolves(entities, item.Spec.EntityRef))
            .Select(item => (Owner(item), NotReadyReference)));

        return new DeclaredAccount(
            [.. applications.Values.Select(item => new Declared<PlatformNamed>(new(item.EffectiveApplicationId, item.Spec.ApplicationName), Owner(item)))],
            [.. entities.Values.Select(item => new Declared<PlatformNamed>(new(item.EffectiveEntityId, item.Spec.EntityName), Owner(item)))],
            associations,
            [.. strategies.Where(item => Resolves(applications, item.Spec.ApplicationRef) && Resolves(entities, item.Spec.EntityRef)).Select(item => new Declared<PlatformStrategy>(Strategy(item, applications, entities), Owner(item)))],
            notSynced,
            ready.Select(Owner).ToHashSet(),
            compiled.Objects.Where(item => !IsReleased(item)).Select(item => Owner(item.Object)).ToHashSet())
        {
            Released = compiled.Objects.Where(IsReleased).Select(item => Owner(item.Object)).ToHashSet(),
            Numbers = numbers,
            InboundConfigurations = inbound,
        };
    }

    private static bool IsReleased(CompiledObject item) => item.Object.Metadata.DeletionTimestamp is not null && item.KeepsFinalizer != true;

    /// <summary>The number-level application/entity of each NUMBER Resource that declares one (see <see cref="DeclaredInbound"/>).</summary>
    public IReadOnlyList<Declared<PlatformNumber>> Numbers { get; init; } = [];

    /// <summary>The InboundConfigurations, as the platform's inbound message configurations.</summary>
    public IReadOnlyList<Declared<PlatformInboundConfiguration>> InboundConfigurations { get; init; } = [];

    /// <summary>How plans and records name the declaring object.</summary>
    public static string Owner(ICustomResource item) => $"{item.Kind}/{item.Metadata.Name}";

    private static PlatformStrategy Strategy(SenderStrategy strategy, Dictionary<string, Application> applications, Dictionary<string, Entity> entities) => new(
        null,
        new StrategyKey(
            ApplicationId(applications, strategy.Spec.ApplicationRef),
            EntityId(entities, strategy.Spec.EntityRef),
            strategy.Spec.Channel is { } channel ? JsonNames.Of(channel) : null,
            strategy.Spec.DestinationCountryCode),
        strategy.Spec.UseStickySender,
        strategy.Spec.UseGeolocatedSender,
        [.. (strategy.Spec.Priorities ?? []).Select(priority => new PlatformPriority(JsonNames.Of(priority.SenderType!.Value), priority.Priority!.Value))]);

    internal static bool Resolves<T>(Dictionary<string, T> ready, LocalObjectReference? reference) => reference is null || ready.ContainsKey(reference.Name);

    internal static string? ApplicationId(Dictionary<string, Application> applications, LocalObjectReference? reference) =>
        reference is not null ? applications[reference.Name].EffectiveApplicationId : null;

    internal static string? EntityId(Dictionary<string, Entity> entities, LocalObjectReference? reference) =>
        reference is not null ? entities[reference.Name].EffectiveEntityId : null;
}
