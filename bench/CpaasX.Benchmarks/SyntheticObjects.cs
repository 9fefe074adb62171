using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Model;

using k8s.Models;

namespace CpaasX.Benchmarks;

/// <summary>
/// The namespace of <see cref="SyntheticNamespace"/> as API objects for compile, scaled by its Resource count: per
/// 20 Resources one Application and one Entity, per 40 one SenderStrategy, per 4 one InboundConfiguration; one SMS
/// association per Resource. At 20k Resources that is the size. Every object is valid, so all end up Ready.
/// </summary>
internal static class SyntheticObjects
{
    public const string Namespace = "bench";

    /// <summary>Objects per Resource in the mix (47,500 objects for 20,000 Resources).</summary>
    private const double ObjectsPerResource = 47_500 / 20_000.0;

    /// <summary>The Resource count whose namespace holds about <paramref name="objects"/> objects in the mix.</summary>
    public static int ResourcesFor(int objects) => (int)Math.Round(objects / ObjectsPerResource);

    /// <summary>
    /// The objects of one namespace; <paramref name="firstNumber"/> shifts the Resources' numbers, so that two
    /// namespaces built with offsets further apart than their Resource counts share no number (no Duplicate).
    /// </summary>
    public static NamespaceSnapshot Snapshot(int resources, string @namespace = Namespace, int firstNumber = 0)
    {
        var applications = resources / 20;
        DateTime created = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        T Meta<T>(T item, string name)
            where T : ICustomResource
        {
            item.Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace, Generation = 1, CreationTimestamp = created };
            return item;
        }

        string Application(int i) => $"app-{i % applications}";
        string Entity(int i) => $"entity-{i % applications}";
        LocalObjectReference Ref(string name) => new() { Name = name };

        return new NamespaceSnapshot(
            @namespace,
            [.. Enumerable.Range(0, applications).Select(i => Meta(new Application(), Application(i)))],
            [.. Enumerable.Range(0, applications).Select(i => Meta(new Entity(), Entity(i)))],
            [.. Enumerable.Range(0, resources).Select(i => Meta(
                new Resource
                {
                    Spec = new ResourceSpec
                    {
                        Type = ResourceType.Number,
                        Number = new NumberSpec
                        {
                            Number = SyntheticNamespace.Number(firstNumber + i),
                            NumberType = NumberType.VirtualLongNumber,
                            Country = "US",
                            Capabilities = [Channel.Sms, Channel.Mms],
                        },
                    },
                },
                $"line-{i}"))],
            [.. Enumerable.Range(0, resources).Select(i => Meta(
                new ResourceAssociation
                {
                    Spec = new ResourceAssociationSpec
                    {
                        ResourceRef = Ref($"line-{i}"),
                        Channel = Channel.Sms,
                        ApplicationRef = Ref(Application(i)),
                        EntityRef = (i / applications) % 2 == 0 ? Ref(Entity(i)) : null,
                    },
                },
                $"line-{i}-sms"))],
            [.. Enumerable.Range(0, resources / 40).Select(i => Meta(
                new SenderStrategy
                {
                    Spec = new SenderStrategySpec
                    {
                        ApplicationRef = Ref(Application(i)),
                        Channel = Channel.Sms,
                        DestinationCountryCode = "US",
                        UseStickySender = true,
                        UseGeolocatedSender = true,
                        Priorities =
                        [
                            new Operator.Api.V1Alpha1.SenderPriority { SenderType = SenderType.VirtualLongNumber, Priority = 1 },
                            new Operator.Api.V1Alpha1.SenderPriority { SenderType = SenderType.Alphanumeric, Priority = 2 },
                        ],
                    },
                },
                $"strategy-{i}"))],
            [.. Enumerable.Range(0, resources / 4).Select(i => Meta(
                new InboundConfiguration
                {
                    Spec = new InboundConfigurationSpec
                    {
                        ResourceRef = Ref($"line-{i / 2}"),
                        Channel = Channel.Sms,
                        Keyword = i % 2 == 0 ? $"KW{i}" : null,
                        ApplicationRef = Ref(Application(i)),
                        EntityRef = Ref(Entity(i)),
                    },
                },
                $"inbound-{i}"))]);
    }

    /// <summary>The cluster-wide index of the snapshot's resources, as the operator keeps it.</summary>
    public static ResourceValueIndex Index(NamespaceSnapshot snapshot) => ResourceValueIndex.Build(snapshot.Resources);
}
