using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Model;

using k8s.Models;

namespace CpaasX.Operator.Tests.Support;

/// <summary>Objects of one namespace for compile tests, created a minute apart in the order they are made unless told.</summary>
internal static class NamespaceObjects
{
    public const string Namespace = "shop";

    public static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static int _clock;

    public static T Meta<T>(T item, string name, DateTime? created = null, string @namespace = Namespace)
        where T : ICustomResource
    {
        item.Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = @namespace,
            Generation = 1,
            CreationTimestamp = created ?? Epoch.AddMinutes(Interlocked.Increment(ref _clock)),
        };
        return item;
    }

    public static LocalObjectReference? Ref(string? name) => name is null ? null : new LocalObjectReference { Name = name };

    public static Application App(string name, string? id = null, DateTime? created = null) =>
        Meta(new Application { Spec = new ApplicationSpec { ApplicationId = id } }, name, created);

    public static Entity Ent(string name, string? id = null, DateTime? created = null) =>
        Meta(new Entity { Spec = new EntitySpec { EntityId = id } }, name, created);

    public static Resource Number(
        string name,
        string number = "+12015550101",
        Channel[]? capabilities = null,
        string country = "US",
        NumberType type = NumberType.VirtualLongNumber,
        bool shared = false,
        string? application = null,
        string? entity = null,
        DateTime? created = null,
        string @namespace = Namespace) =>
        Meta(
            new Resource
            {
                Spec = new ResourceSpec
                {
                    Type = ResourceType.Number,
                    Number = new NumberSpec
                    {
                        Number = number,
                        NumberType = type,
                        Country = country,
                        Capabilities = capabilities ?? [Channel.Sms, Channel.Mms, Channel.Voice],
                        Shared = shared,
                    },
                    ApplicationRef = Ref(application),
                    EntityRef = Ref(entity),
                },
            },
            name,
            created,
            @namespace);

    public static Resource Alpha(string name, string sender = "SHOPCO", string[]? countries = null, DateTime? created = null) =>
        Meta(new Resource { Spec = new ResourceSpec { Type = ResourceType.Alpha, Alpha = new AlphanumericSenderSpec { Sender = sender, Countries = countries } } }, name, created);

    public static Resource Domain(string name, string domain = "mail.shop.example") =>
        Meta(new Resource { Spec = new ResourceSpec { Type = ResourceType.Domain, Domain = new DomainSpec { DomainName = domain } } }, name);

    public static Resource ChatApp(string name, Channel channel = Channel.WhatsApp, string senderId = "447860099299") =>
        Meta(new Resource { Spec = new ResourceSpec { Type = ResourceType.ChatApp, ChatApp = new ChatAppSpec { Channel = channel, SenderId = senderId } } }, name);

    public static Resource Push(string name, string configurationId = "4f8c2e1a-push") =>
        Meta(new Resource { Spec = new ResourceSpec { Type = ResourceType.WebRtcPush, WebRtcPush = new WebRtcPushSpec { ConfigurationId = configurationId } } }, name);

    public static ResourceAssociation Assoc(string name, string resource, Channel channel, string? application = null, string? entity = null, DateTime? created = null) =>
        Meta(
            new ResourceAssociation
            {
                Spec = new ResourceAssociationSpec { ResourceRef = Ref(resource), Channel = channel, ApplicationRef = Ref(application), EntityRef = Ref(entity) },
            },
            name,
            created);

    public static SenderStrategy Strategy(
        string name,
        string? application = null,
        string? entity = null,
        Channel? channel = null,
        string? country = null,
        DateTime? created = null) =>
        Meta(
            new SenderStrategy
            {
                Spec = new SenderStrategySpec
                {
                    ApplicationRef = Ref(application),
                    EntityRef = Ref(entity),
                    Channel = channel,
                    DestinationCountryCode = country,
                    Priorities = [new Operator.Api.V1Alpha1.SenderPriority { SenderType = SenderType.VirtualLongNumber, Priority = 1 }],
                },
            },
            name,
            created);

    public static InboundConfiguration Inbound(
        string name,
        string resource,
        Channel channel = Channel.Sms,
        string? keyword = null,
        string? application = null,
        string? entity = null,
        DateTime? created = null) =>
        Meta(
            new InboundConfiguration
            {
                Spec = new InboundConfigurationSpec
                {
                    ResourceRef = Ref(resource),
                    Channel = channel,
                    Keyword = keyword,
                    ApplicationRef = Ref(application),
                    EntityRef = Ref(entity),
                },
            },
            name,
            created);

    public static T Deleting<T>(T item)
        where T : ICustomResource
    {
        item.Metadata.DeletionTimestamp = Now.UtcDateTime;
        return item;
    }

    public static T Undated<T>(T item)
        where T : ICustomResource
    {
        item.Metadata.CreationTimestamp = null;
        return item;
    }

    public static CompileResult Compile(params ICustomResource[] objects) =>
        NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, objects), ResourceValueIndex.Build(objects.OfType<Resource>()), Now);

    public static CompiledObject Find(this CompileResult result, string kindAndName) =>
        result.Objects.Single(compiled => $"{compiled.Object.Kind}/{compiled.Object.Metadata.Name}" == kindAndName);

    public static Condition Ready(this CompiledObject compiled) =>
        compiled.DesiredStatus.Conditions!.Single(condition => condition.Type == ConditionTypes.Ready);

    // Writes each desired status onto its object, as the status writer would.
    public static void Observe(CompileResult result)
    {
        foreach (var compiled in result.Objects)
        {
            switch (compiled.Object)
            {
                case Application application: application.Status = (ApplicationStatus)compiled.DesiredStatus; break;
                case Entity entity: entity.Status = (EntityStatus)compiled.DesiredStatus; break;
                case Resource resource: resource.Status = (ResourceStatus)compiled.DesiredStatus; break;
                case ResourceAssociation association: association.Status = (ResourceAssociationStatus)compiled.DesiredStatus; break;
                case SenderStrategy strategy: strategy.Status = (SenderStrategyStatus)compiled.DesiredStatus; break;
                case InboundConfiguration configuration: configuration.Status = (InboundConfigurationStatus)compiled.DesiredStatus; break;
            }
        }
    }
}
