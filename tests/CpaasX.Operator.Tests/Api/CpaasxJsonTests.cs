using System.Text.Json;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.Tests.Api;

public sealed class CpaasxJsonTests
{
    [Fact]
    public void Writes_camel_case_platform_enum_names_and_omits_nulls()
    {
        Resource resource = new()
        {
            Metadata = new() { Name = "chat" },
            Spec = new() { Type = ResourceType.ChatApp, ChatApp = new() { Channel = Channel.WhatsApp, SenderId = "447860099299" } },
        };

        var json = JsonSerializer.Serialize(resource, CpaasxJson.Options);

        Assert.Equal(
            """{"apiVersion":"cpaasx.io/v1alpha1","kind":"Resource","metadata":{"name":"chat"},"spec":{"type":"CHAT_APP","chatApp":{"channel":"WHATSAPP","senderId":"447860099299"}}}""",
            json);
    }

    [Fact]
    public void Drops_managedFields_when_reading_and_keeps_the_rest_of_the_metadata()
    {
        const string Json = """
            {"apiVersion":"cpaasx.io/v1alpha1","kind":"Application","metadata":{"name":"checkout","namespace":"shop","resourceVersion":"7",
             "labels":{"team":"a"},"managedFields":[{"manager":"kubectl","operation":"Apply","apiVersion":"cpaasx.io/v1alpha1","fieldsType":"FieldsV1",
             "fieldsV1":{"f:spec":{"f:applicationId":{}}}}]},"spec":{"applicationId":"checkout-prod"}}
            """;

        var application = JsonSerializer.Deserialize<Application>(Json, CpaasxJson.Options)!;

        Assert.Null(application.Metadata.ManagedFields);
        Assert.Equal(("checkout", "shop", "7", "a"), (application.Metadata.Name, application.Metadata.NamespaceProperty, application.Metadata.ResourceVersion, application.Metadata.Labels["team"]));
        Assert.Equal("checkout-prod", application.Spec.ApplicationId);
    }

    [Fact]
    public void Writes_status_in_the_kubernetes_condition_shape()
    {
        InboundConfigurationStatus status = new()
        {
            ObservedGeneration = 2,
            Conditions = [new() { Type = "Ready", Status = "True", ObservedGeneration = 2, LastTransitionTime = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)), Reason = "Resolved", Message = "routed" }],
            EffectiveRoute = new() { ApplicationId = "support-bot", Source = RouteSource.Resource },
        };

        var json = JsonSerializer.Serialize(status, CpaasxJson.Options);

        Assert.Equal(
            """{"effectiveRoute":{"applicationId":"support-bot","source":"Resource"},"observedGeneration":2,"conditions":[{"type":"Ready","status":"True","observedGeneration":2,"lastTransitionTime":"2026-03-04T03:06:07Z","reason":"Resolved","message":"routed"}]}""",
            json);
    }

    [Fact]
    public void Round_trips_a_strategy()
    {
        SenderStrategy strategy = new()
        {
            Metadata = new() { Name = "s", NamespaceProperty = "shop" },
            Spec = new()
            {
                Channel = Channel.Mms,
                UseStickySender = true,
                Priorities = [new() { SenderType = SenderType.TollFreeNumber, Priority = 2 }],
            },
        };

        var copy = JsonSerializer.Deserialize<SenderStrategy>(JsonSerializer.Serialize(strategy, CpaasxJson.Options), CpaasxJson.Options)!;

        Assert.Equal(strategy.Spec.Channel, copy.Spec.Channel);
        Assert.True(copy.Spec.UseStickySender);
        Assert.Equal(strategy.Spec.Priorities, copy.Spec.Priorities);
        Assert.Equal("shop", copy.Metadata.NamespaceProperty);
    }

    [Fact]
    public void Effective_ids_default_to_the_object_name()
    {
        Application named = new() { Metadata = new() { Name = "checkout-prod" } };
        Entity explicitId = new() { Metadata = new() { Name = "globex" }, Spec = new() { EntityId = "globex-corporation" } };

        Assert.Equal("checkout-prod", named.EffectiveApplicationId);
        Assert.Equal("globex-corporation", explicitId.EffectiveEntityId);
    }
}
