using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Api.Validation;
using CpaasX.Operator.Tests.Support;
using CpaasX.Routing.Model;

using static CpaasX.Operator.Tests.Support.ValidObjects;

namespace CpaasX.Operator.Tests.Api;

/// <summary>
/// Field-level schema rules (required, patterns, lengths, enums, ranges, item counts) rejected at the same field path by
/// the C# validator and by JSON Schema validation against the committed CRD.
/// </summary>
public sealed class SchemaFieldTests
{
    private static readonly DateTimeOffset Time = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static TheoryData<ICustomResource, string> Broken() => new()
    {
        { Named(new Application { Spec = new() { ApplicationId = "checkout prod" } }), "spec.applicationId" },
        { Named(new Application { Spec = new() { ApplicationId = new string('a', 256) } }), "spec.applicationId" },
        { Named(new Application { Spec = new() { ApplicationName = "" } }), "spec.applicationName" },
        { Named(new Entity { Spec = new() { EntityId = "acme/eu" } }), "spec.entityId" },
        { Named(new Entity { Spec = new() { EntityName = new string('e', 256) } }), "spec.entityName" },
        { Resource(new() { Number = UsLongCode }), "spec.type" },
        { NumberResource(UsLongCode with { Number = "12015550101" }), "spec.number.number" },
        { NumberResource(UsLongCode with { Country = "usa" }), "spec.number.country" },
        { NumberResource(UsLongCode with { Country = null }), "spec.number.country" },
        { NumberResource(UsLongCode with { NumberType = null }), "spec.number.numberType" },
        { NumberResource(UsLongCode with { Capabilities = [] }), "spec.number.capabilities" },
        { NumberResource(UsLongCode with { Capabilities = [Channel.Sms, Channel.Email] }), "spec.number.capabilities[1]" },
        { NumberResource(UsLongCode with { NumberKey = "key 1" }), "spec.number.numberKey" },
        { Resource(new() { Type = ResourceType.Alpha, Alpha = new() { Sender = "123456" } }), "spec.alpha.sender" },
        { Resource(new() { Type = ResourceType.Alpha, Alpha = new() { Sender = "SHOP-CO" } }), "spec.alpha.sender" },
        { Resource(new() { Type = ResourceType.Alpha, Alpha = new() { Sender = "SHOPCO", Countries = ["GB", "gb"] } }), "spec.alpha.countries[1]" },
        { Resource(new() { Type = ResourceType.Domain, Domain = new() { DomainName = "Mail.Example.com" } }), "spec.domain.domainName" },
        { Resource(new() { Type = ResourceType.ChatApp, ChatApp = new() { Channel = Channel.Sms, SenderId = "447860099299" } }), "spec.chatApp.channel" },
        { Resource(new() { Type = ResourceType.ChatApp, ChatApp = new() { Channel = Channel.Viber, SenderId = "shop co" } }), "spec.chatApp.senderId" },
        { Resource(new() { Type = ResourceType.WebRtcPush, WebRtcPush = new() { ConfigurationId = "push/1" } }), "spec.webRtcPush.configurationId" },
        { Association(SmsAssociation with { ResourceRef = null }), "spec.resourceRef" },
        { Association(SmsAssociation with { ResourceRef = new() { Name = "Main_Line" } }), "spec.resourceRef.name" },
        { Association(SmsAssociation with { Channel = null }), "spec.channel" },
        { Strategy(new() { Channel = Channel.Voice }), "spec.channel" },
        { Strategy(new() { DestinationCountryCode = "GBR" }), "spec.destinationCountryCode" },
        { Strategy(new() { Priorities = [new() { SenderType = SenderType.ShortCode, Priority = 5 }] }), "spec.priorities[0].priority" },
        { Strategy(new() { Priorities = [new() { SenderType = SenderType.ShortCode, Priority = 0 }] }), "spec.priorities[0].priority" },
        { Strategy(new() { Priorities = [new() { Priority = 1 }] }), "spec.priorities[0].senderType" },
        { Inbound(KeywordInbound with { Channel = Channel.Voice }), "spec.channel" },
        { Inbound(KeywordInbound with { Keyword = new string('k', 51) }), "spec.keyword" },
        { Inbound(KeywordInbound with { EntityRef = new() { Name = "" } }), "spec.entityRef.name" },
        { WithReady(new() { Type = "Ready", Status = "Maybe", Reason = "Resolved", Message = "", LastTransitionTime = Time }), "status.conditions[0].status" },
        { WithReady(new() { Type = "Ready", Status = "True", Reason = "all good", Message = "", LastTransitionTime = Time }), "status.conditions[0].reason" },
        { Named(new Application { Status = new() { ObservedGeneration = -1 } }), "status.observedGeneration" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Csharp_validator_rejects_at_the_field(ICustomResource resource, string path)
    {
        Assert.Contains(path, ObjectValidator.Validate(resource).Select(error => error.Path));
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void Crd_schema_rejects_at_the_same_field(ICustomResource resource, string path)
    {
        Assert.Contains(path, CrdSchemaValidator.Validate(ToJson(resource)).Select(error => error.Path));
    }

    [Fact]
    public void A_complete_status_is_valid_for_both()
    {
        var application = WithReady(new()
        {
            Type = ConditionTypes.Ready,
            Status = ConditionStatuses.True,
            ObservedGeneration = 3,
            Reason = ConditionReasons.Resolved,
            Message = "3 associations",
            LastTransitionTime = Time,
        });

        Assert.Empty(ObjectValidator.Validate(application));
        Assert.Empty(CrdSchemaValidator.Validate(ToJson(application)));
    }

    [Fact]
    public void Csharp_validator_reports_duplicates_in_sets_and_maps_which_the_api_server_rejects_by_list_type()
    {
        var number = NumberResource(UsLongCode with { Capabilities = [Channel.Sms, Channel.Sms] });
        var twoReady = Named(new Application
        {
            Status = new()
            {
                Conditions =
                [
                    new() { Type = "Ready", Status = "True", Reason = "Resolved", Message = "", LastTransitionTime = Time },
                    new() { Type = "Ready", Status = "False", Reason = "InUse", Message = "", LastTransitionTime = Time },
                ],
            },
        });

        Assert.Contains(new ValidationError("spec.number.capabilities[1]", "Duplicate value: SMS"), ObjectValidator.Validate(number));
        Assert.Contains(new ValidationError("status.conditions[1]", "Duplicate value: Ready"), ObjectValidator.Validate(twoReady));
    }

    [Fact]
    public void Csharp_validator_checks_the_envelope()
    {
        Application application = new() { ApiVersion = "cpaasx.io/v1", Kind = "App" };

        var errors = ObjectValidator.Validate(application);

        Assert.Equal(["apiVersion", "kind", "metadata.name"], errors.Select(error => error.Path));
    }

    [Fact]
    public void Csharp_validator_reports_every_violation_not_just_the_first()
    {
        var resource = NumberResource(UsLongCode with { Number = "1", Country = "usa", NumberKey = "a b" });

        Assert.Equal(
            ["spec.number.number", "spec.number.country", "spec.number.numberKey"],
            ObjectValidator.Validate(resource).Select(error => error.Path).Distinct());
    }

    private static Application WithReady(Condition condition) =>
        Named(new Application { Status = new() { ObservedGeneration = 1, Conditions = [condition] } });
}
