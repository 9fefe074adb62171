using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

using CsCheck;

using k8s.Models;

namespace CpaasX.Operator.Tests.Support;

/// <summary>
/// Generators of objects of any of the six kinds with fields drawn from small pools of valid values, garbage and nulls,
/// so that references sometimes resolve, values sometimes repeat, and every rule gets exercised.
/// </summary>
internal static class ArbitraryObjects
{
    private static readonly Gen<string?> Names = Gen.OneOfConst<string?>("a", "b", "c", "d", "Bad Name", "", null);
    private static readonly Gen<string?> Ids = Gen.OneOfConst<string?>("x", "y", "not url safe", null);
    private static readonly Gen<string?> Numbers = Gen.OneOfConst<string?>("+12015550101", "+12015550102", "+16135550103", "55123", "+447700900123", "abc", "", null);
    private static readonly Gen<string?> Countries = Gen.OneOfConst<string?>("US", "CA", "GB", "usa", null);
    private static readonly Gen<string?> Keywords = Gen.OneOfConst<string?>("STOP", "stop", "HELP", "two words", "", null);
    private static readonly Gen<string?> Texts = Gen.OneOfConst<string?>("SHOPCO", "shopco", "mail.shop.example", "4f8c2e1a-push", "447860099299", "", " ", null);
    // One past the last member: a manifest may carry a channel as a number the enum does not define.
    private static readonly Gen<Channel> AnyChannel = Gen.Int[0, Enum.GetValues<Channel>().Length].Select(value => (Channel)value);
    private static readonly Gen<Channel?> Channels = AnyChannel.Nullable(0.1);
    private static readonly Gen<LocalObjectReference?> References =
        Names.Select(name => name is null ? null : new LocalObjectReference { Name = name! });
    private static readonly Gen<DateTime?> Times = Gen.Int[0, 5].Select(minutes => minutes == 5 ? (DateTime?)null : NamespaceObjects.Epoch.AddMinutes(minutes));

    private static readonly Gen<V1ObjectMeta?> Metadata =
        from name in Names
        from created in Times
        from deleting in Gen.Int[0, 9]
        from generation in Gen.Long[0, 3]
        select deleting == 9 ? null : new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = NamespaceObjects.Namespace,
            CreationTimestamp = created,
            DeletionTimestamp = deleting == 0 ? NamespaceObjects.Epoch : null,
            Generation = generation,
        };

    private static readonly Gen<Application> Application =
        from id in Ids
        select new Application { Spec = new ApplicationSpec { ApplicationId = id } };

    private static readonly Gen<Entity> Entity =
        from id in Ids
        select new Entity { Spec = new EntitySpec { EntityId = id } };

    private static readonly Gen<Resource> Resource =
        from type in Gen.Enum<ResourceType>().Nullable(0.1)
        from number in Numbers
        from numberType in Gen.Enum<NumberType>().Nullable(0.1)
        from country in Countries
        from capabilities in AnyChannel.Array[0, 4].Null(0.1)
        from shared in Gen.Bool
        from text in Texts
        from channel in Channels
        from memberMismatch in Gen.Int[0, 9]
        from application in References
        from entity in References
        select new Resource
        {
            Spec = new ResourceSpec
            {
                Type = type,
                Number = (type == ResourceType.Number) != (memberMismatch == 0)
                    ? new NumberSpec { Number = number, NumberType = numberType, Country = country, Capabilities = capabilities, Shared = shared }
                    : null,
                Alpha = type == ResourceType.Alpha ? new AlphanumericSenderSpec { Sender = text, Countries = country is null ? null : [country] } : null,
                Domain = type == ResourceType.Domain ? new DomainSpec { DomainName = text } : null,
                ChatApp = type == ResourceType.ChatApp ? new ChatAppSpec { Channel = channel, SenderId = text } : null,
                WebRtcPush = type == ResourceType.WebRtcPush ? new WebRtcPushSpec { ConfigurationId = text } : null,
                ApplicationRef = application,
                EntityRef = entity,
            },
        };

    private static readonly Gen<ResourceAssociation> Association =
        from resource in References
        from channel in Channels
        from application in References
        from entity in References
        select new ResourceAssociation
        {
            Spec = new ResourceAssociationSpec { ResourceRef = resource, Channel = channel, ApplicationRef = application, EntityRef = entity },
        };

    private static readonly Gen<SenderStrategy> Strategy =
        from application in References
        from entity in References
        from channel in Channels
        from country in Countries
        from sticky in Gen.Bool
        from geolocated in Gen.Bool
        from priorities in Gen.Select(Gen.Enum<SenderType>().Nullable(0.1), Gen.Int[0, 5].Nullable(0.1))
            .Select(pair => new Operator.Api.V1Alpha1.SenderPriority { SenderType = pair.Item1, Priority = pair.Item2 }).Array[0, 3].Null(0.1)
        select new SenderStrategy
        {
            Spec = new SenderStrategySpec
            {
                ApplicationRef = application,
                EntityRef = entity,
                Channel = channel,
                DestinationCountryCode = country,
                UseStickySender = sticky,
                UseGeolocatedSender = geolocated,
                Priorities = priorities,
            },
        };

    private static readonly Gen<InboundConfiguration> Inbound =
        from resource in References
        from channel in Channels
        from keyword in Keywords
        from application in References
        from entity in References
        select new InboundConfiguration
        {
            Spec = new InboundConfigurationSpec { ResourceRef = resource, Channel = channel, Keyword = keyword, ApplicationRef = application, EntityRef = entity },
        };

    /// <summary>One object of any kind; now and then without metadata or spec.</summary>
    public static readonly Gen<ICustomResource> Object =
        from item in Gen.OneOf<ICustomResource>(
            Application.Select(item => (ICustomResource)item),
            Entity.Select(item => (ICustomResource)item),
            Resource.Select(item => (ICustomResource)item),
            Association.Select(item => (ICustomResource)item),
            Strategy.Select(item => (ICustomResource)item),
            Inbound.Select(item => (ICustomResource)item))
        from metadata in Metadata
        from withoutSpec in Gen.Int[0, 19]
        select WithEnvelope(item, metadata, withoutSpec == 0);

    /// <summary>A namespace's worth of objects.</summary>
    public static readonly Gen<ICustomResource[]> Namespace = Object.Array[0, 40];

    /// <summary>
    /// A namespace as Kubernetes can hold it (never two objects of one kind and name), with a seed to shuffle it by.
    /// </summary>
    public static readonly Gen<(ICustomResource[] Objects, int Seed)> ShufflableNamespace =
        from objects in Namespace
        from seed in Gen.Int
        select (objects.DistinctBy(item => (item.GetType(), item.Metadata?.Name)).ToArray(), seed);

    private static ICustomResource WithEnvelope(ICustomResource item, V1ObjectMeta? metadata, bool withoutSpec)
    {
        item.Metadata = metadata!;
        if (withoutSpec)
        {
            // What a manifest with "spec: null" deserializes to.
            item.GetType().GetProperty("Spec")!.SetValue(item, null);
        }

        return item;
    }
}
