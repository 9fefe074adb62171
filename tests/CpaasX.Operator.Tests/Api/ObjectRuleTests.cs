using CpaasX.Operator.Api.Markers;
using CpaasX.Operator.Api.Schema;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Api.Validation;
using CpaasX.Operator.Tests.Support;
using CpaasX.Routing.Model;

using static CpaasX.Operator.Tests.Support.ValidObjects;

namespace CpaasX.Operator.Tests.Api;

/// <summary>
/// Each object rule, passing and failing, checked twice: by the C# validator and by the CEL rule of the committed CRD
/// (evaluated with Cel). Both must report the same message at the same path, so the two cannot drift.
/// </summary>
public sealed class ObjectRuleTests
{
    private const string MemberMismatch = " must be set exactly when type is ";

    public static TheoryData<string, ICustomResource, string, string> Failing() => new()
    {
        { "number missing for NUMBER", Resource(new() { Type = ResourceType.Number }), "spec.number", "number" + MemberMismatch + "NUMBER" },
        { "alpha member on a NUMBER", Resource(new() { Type = ResourceType.Number, Number = UsLongCode, Alpha = new() { Sender = "SHOPCO" } }), "spec.alpha", "alpha" + MemberMismatch + "ALPHA" },
        { "domain member on an ALPHA", Resource(new() { Type = ResourceType.Alpha, Alpha = new() { Sender = "SHOPCO" }, Domain = new() { DomainName = "mail.example.com" } }), "spec.domain", "domain" + MemberMismatch + "DOMAIN" },
        { "chatApp missing for CHAT_APP", Resource(new() { Type = ResourceType.ChatApp }), "spec.chatApp", "chatApp" + MemberMismatch + "CHAT_APP" },
        { "webRtcPush on a DOMAIN", Resource(new() { Type = ResourceType.Domain, Domain = new() { DomainName = "mail.example.com" }, WebRtcPush = new() { ConfigurationId = "push-1" } }), "spec.webRtcPush", "webRtcPush" + MemberMismatch + "WEBRTC_PUSH" },
        { "applicationRef on an ALPHA", Resource(new() { Type = ResourceType.Alpha, Alpha = new() { Sender = "SHOPCO" }, ApplicationRef = new() { Name = "app" } }), "spec.applicationRef", "applicationRef (number-level routing) is allowed only when type is NUMBER" },
        { "entityRef on a DOMAIN", Resource(new() { Type = ResourceType.Domain, Domain = new() { DomainName = "mail.example.com" }, EntityRef = new() { Name = "acme" } }), "spec.entityRef", "entityRef (number-level routing) is allowed only when type is NUMBER" },
        { "short code digits as a long number", NumberResource(UsLongCode with { Number = "55123" }), "spec.number.number", ObjectRules.All.Single(rule => rule.Target == typeof(NumberSpec)).Message },
        { "E.164 as a short code", NumberResource(UsLongCode with { NumberType = NumberType.ShortCode }), "spec.number.number", ObjectRules.All.Single(rule => rule.Target == typeof(NumberSpec)).Message },
        { "association with neither ref", Association(SmsAssociation with { ApplicationRef = null }), "spec", "at least one of applicationRef and entityRef must be set" },
        { "sender type twice", Strategy(new() { Priorities = [new() { SenderType = SenderType.Alphanumeric, Priority = 1 }, new() { SenderType = SenderType.Alphanumeric, Priority = 2 }] }), "spec.priorities", "each senderType may appear at most once in priorities" },
        { "geolocated to GB", Strategy(new() { DestinationCountryCode = "GB", UseGeolocatedSender = true }), "spec.useGeolocatedSender", "useGeolocatedSender applies to US and CA destinations only" },
        { "keyword with a space", Inbound(KeywordInbound with { Keyword = "STOP ALL" }), "spec.keyword", "keyword must be one word without whitespace" },
        { "keyword with a tab", Inbound(KeywordInbound with { Keyword = "STOP\tALL" }), "spec.keyword", "keyword must be one word without whitespace" },
    };

    public static TheoryData<string, ICustomResource> Passing() => new()
    {
        { "NUMBER with number-level routing", Resource(new() { Type = ResourceType.Number, Number = UsLongCode, ApplicationRef = new() { Name = "app" }, EntityRef = new() { Name = "acme" } }) },
        { "ALPHA", Resource(new() { Type = ResourceType.Alpha, Alpha = new() { Sender = "SHOP CO 1" } }) },
        { "DOMAIN", Resource(new() { Type = ResourceType.Domain, Domain = new() { DomainName = "mail.example.com" } }) },
        { "CHAT_APP", Resource(new() { Type = ResourceType.ChatApp, ChatApp = new() { Channel = Channel.Viber, SenderId = "ShopCo" } }) },
        { "WEBRTC_PUSH", Resource(new() { Type = ResourceType.WebRtcPush, WebRtcPush = new() { ConfigurationId = "4f8c2e1a-push" } }) },
        { "short code", NumberResource(UsLongCode with { Number = "55123", NumberType = NumberType.ShortCode }) },
        { "toll-free", NumberResource(UsLongCode with { Number = "+18005550100", NumberType = NumberType.TollFree }) },
        { "association with application only", Association(SmsAssociation) },
        { "association with entity only", Association(SmsAssociation with { ApplicationRef = null, EntityRef = new() { Name = "acme" } }) },
        { "empty strategy", Strategy(new()) },
        { "distinct sender types, shared priority", Strategy(new() { Priorities = [new() { SenderType = SenderType.Alphanumeric, Priority = 1 }, new() { SenderType = SenderType.ShortCode, Priority = 1 }] }) },
        { "geolocated to CA", Strategy(new() { DestinationCountryCode = "CA", UseGeolocatedSender = true }) },
        { "geolocated for every country", Strategy(new() { UseGeolocatedSender = true }) },
        { "keyword", Inbound(KeywordInbound) },
        { "default configuration", Inbound(KeywordInbound with { Keyword = null }) },
    };

    [Theory]
    [MemberData(nameof(Failing))]
    public void Csharp_validator_reports_the_rule_at_its_path(string description, ICustomResource resource, string path, string message)
    {
        Assert.Contains(new ValidationError(path, message), ObjectValidator.Validate(resource));
        Assert.NotNull(description);
    }

    [Theory]
    [MemberData(nameof(Failing))]
    public void Crd_cel_rule_reports_the_same_message_at_the_same_path(string description, ICustomResource resource, string path, string message)
    {
        Assert.Contains(new ValidationError(path, message), CrdSchemaValidator.Validate(ToJson(resource)));
        Assert.NotNull(description);
    }

    [Theory]
    [MemberData(nameof(Passing))]
    public void Valid_objects_pass_both_validators(string description, ICustomResource resource)
    {
        Assert.Empty(ObjectValidator.Validate(resource));
        Assert.Empty(CrdSchemaValidator.Validate(ToJson(resource)));
        Assert.NotNull(description);
    }

    [Fact]
    public void Every_object_rule_and_cel_field_rule_has_a_failing_case()
    {
        HashSet<string> covered = [.. Failing().Select(row => (string)row[3])];
        var messages = ObjectRules.All.Select(rule => rule.Message)
            .Concat(FieldRules.All.Values.Where(rule => rule.PatternAsCel).Select(rule => rule.PatternMessage!));

        Assert.All(messages, message => Assert.Contains(message, covered));
    }
}
