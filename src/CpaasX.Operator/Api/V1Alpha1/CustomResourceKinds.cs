namespace CpaasX.Operator.Api.V1Alpha1;

/// <summary>The six kinds of cpaasx.io/v1alpha1 in one place: the CRD generator, the manifest reader and informers read this.</summary>
public static class CustomResourceKinds
{
    public const string Group = "cpaasx.io";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;
    public const string Category = "cpaasx";

    private static PrinterColumn Spec(string name, string path, string description) => new(name, "string", ".spec." + path, description);

    public static CustomResourceKind Application { get; } = new(
        nameof(V1Alpha1.Application), "applications", "application", ["cxapp", "cxapps"],
        "A software system or environment of the client (checkout-prod, checkout-staging) that sends or receives traffic.",
        PrinterColumn.WithReadiness(
            new("ID", "string", ".status.applicationId", "The applicationId in effect."),
            new("Associations", "integer", ".status.associationCount", "How many associations name it.")),
        typeof(Application), SpecRequired: false);

    public static CustomResourceKind Entity { get; } = new(
        nameof(V1Alpha1.Entity), "entities", "entity", ["cxent", "cxents"],
        "A business unit, customer, brand or tenant of the client (acme, globex).",
        PrinterColumn.WithReadiness(
            new("ID", "string", ".status.entityId", "The entityId in effect."),
            new("Associations", "integer", ".status.associationCount", "How many associations name it.")),
        typeof(Entity), SpecRequired: false);

    public static CustomResourceKind Resource { get; } = new(
        nameof(V1Alpha1.Resource), "resources", "resource", ["cxres"],
        "Something bought or registered on the platform that traffic is sent from or to: a number, an alphanumeric sender, an email domain, a chat-app sender or a WebRTC push configuration.",
        PrinterColumn.WithReadiness(
            Spec("Type", "type", "NUMBER, ALPHA, DOMAIN, CHAT_APP or WEBRTC_PUSH."),
            new("Value", "string", ".status.value", "The normalized value."),
            new("Associations", "integer", ".status.associationCount", "How many associations name it, Ready or not.")),
        typeof(Resource), SpecRequired: true);

    public static CustomResourceKind ResourceAssociation { get; } = new(
        nameof(V1Alpha1.ResourceAssociation), "resourceassociations", "resourceassociation", ["cxassoc"],
        "A link between one Resource and an Application, an Entity or the pair, for one channel.",
        PrinterColumn.WithReadiness(
            Spec("Resource", "resourceRef.name", "The Resource."),
            Spec("Channel", "channel", "The channel."),
            Spec("Application", "applicationRef.name", "The Application."),
            Spec("Entity", "entityRef.name", "The Entity.")),
        typeof(ResourceAssociation), SpecRequired: true);

    public static CustomResourceKind SenderStrategy { get; } = new(
        nameof(V1Alpha1.SenderStrategy), "senderstrategies", "senderstrategy", ["cxstrat"],
        "The rules that pick a sender from the associated resources when an outbound SMS or MMS names only an application/entity.",
        PrinterColumn.WithReadiness(
            Spec("Application", "applicationRef.name", "The Application."),
            Spec("Entity", "entityRef.name", "The Entity."),
            Spec("Channel", "channel", "SMS, MMS or empty for both."),
            Spec("Country", "destinationCountryCode", "Destination country, empty for all."),
            new("Senders", "integer", ".status.senderCount", "Senders in the pool.")),
        typeof(SenderStrategy), SpecRequired: false);

    public static CustomResourceKind InboundConfiguration { get; } = new(
        nameof(V1Alpha1.InboundConfiguration), "inboundconfigurations", "inboundconfiguration", ["cxinbound", "cxin"],
        "Which Application/Entity receives inbound messages of one number and channel, optionally only those starting with a keyword.",
        PrinterColumn.WithReadiness(
            Spec("Resource", "resourceRef.name", "The number or chat-app sender."),
            Spec("Channel", "channel", "The channel."),
            Spec("Keyword", "keyword", "The keyword; empty for the default configuration."),
            new("Application", "string", ".status.effectiveRoute.applicationId", "The applicationId messages go to."),
            new("Entity", "string", ".status.effectiveRoute.entityId", "The entityId messages go to.")),
        typeof(InboundConfiguration), SpecRequired: true);

    /// <summary>All six kinds, in the order the domain introduces them.</summary>
    public static IReadOnlyList<CustomResourceKind> All { get; } =
        [Application, Entity, Resource, ResourceAssociation, SenderStrategy, InboundConfiguration];

    /// <summary>The kind with this name, or null for a kind that is not ours.</summary>
    public static CustomResourceKind? Find(string apiVersion, string kind) =>
        apiVersion == ApiVersion ? All.FirstOrDefault(entry => entry.Kind == kind) : null;
}
