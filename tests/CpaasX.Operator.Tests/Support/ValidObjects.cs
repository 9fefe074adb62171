using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

using k8s.Models;

namespace CpaasX.Operator.Tests.Support;

/// <summary>Minimal valid objects of each kind that tests change one field at a time.</summary>
internal static class ValidObjects
{
    public static NumberSpec UsLongCode { get; } = new()
    {
        Number = "+12015550101",
        NumberType = NumberType.VirtualLongNumber,
        Country = "US",
        Capabilities = [Channel.Sms, Channel.Mms],
    };

    public static T Named<T>(T resource, string name = "example")
        where T : ICustomResource
    {
        resource.Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "test" };
        return resource;
    }

    public static Resource Resource(ResourceSpec spec) => Named(new Resource { Spec = spec });

    public static Resource NumberResource(NumberSpec? number = null) =>
        Resource(new ResourceSpec { Type = ResourceType.Number, Number = number ?? UsLongCode });

    public static ResourceAssociation Association(ResourceAssociationSpec spec) => Named(new ResourceAssociation { Spec = spec });

    public static ResourceAssociationSpec SmsAssociation { get; } = new()
    {
        ResourceRef = new() { Name = "main-line" },
        Channel = Channel.Sms,
        ApplicationRef = new() { Name = "checkout-prod" },
    };

    public static SenderStrategy Strategy(SenderStrategySpec spec) => Named(new SenderStrategy { Spec = spec });

    public static InboundConfiguration Inbound(InboundConfigurationSpec spec) => Named(new InboundConfiguration { Spec = spec });

    public static InboundConfigurationSpec KeywordInbound { get; } = new()
    {
        ResourceRef = new() { Name = "main-line" },
        Channel = Channel.Sms,
        Keyword = "STOP",
    };

    /// <summary>The object as the API server would receive it.</summary>
    public static JsonObject ToJson(ICustomResource resource) =>
        JsonSerializer.SerializeToNode(resource, resource.GetType(), CpaasxJson.Options)!.AsObject();
}
