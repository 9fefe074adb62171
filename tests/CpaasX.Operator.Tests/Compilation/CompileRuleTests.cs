using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Model;

using static CpaasX.Operator.Tests.Support.NamespaceObjects;

namespace CpaasX.Operator.Tests.Compilation;

/// <summary>One case per compile rule and per precedence: the subject's Ready reason and what its message names.</summary>
public sealed class CompileRuleTests
{
    private static readonly DateTime Older = Epoch.AddDays(-1);

    /// <summary>The cases by rule name; the kstatus tests read each case's status as Flux would.</summary>
    internal static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["field_violation_is_invalid_with_its_path"] = new(
            [Number("line", number: "+1")], "Resource/line", ConditionReasons.Invalid, "spec.number.number"),
        ["every_violation_is_listed"] = new(
            [Number("line", number: "+1", country: "usa")], "Resource/line", ConditionReasons.Invalid, "spec.number.country"),
        ["channel_the_api_does_not_define_is_invalid"] = new(
            [App("checkout"), Number("line"), Assoc("line-42", "line", (Channel)42, "checkout")], "ResourceAssociation/line-42", ConditionReasons.Invalid, "spec.channel: Unsupported value: 42"),
        ["valid_objects_are_resolved"] = new(
            [App("checkout"), Number("line"), Assoc("line-sms", "line", Channel.Sms, "checkout")], "ResourceAssociation/line-sms", ConditionReasons.Resolved, ""),
        ["missing_reference_is_not_found"] = new(
            [App("checkout"), Assoc("line-sms", "nope", Channel.Sms, "checkout")], "ResourceAssociation/line-sms", ConditionReasons.ReferenceNotFound, "Resource nope not found"),
        ["reference_to_a_not_ready_object_is_not_found"] = new(
            [App("checkout", id: "bad id"), Number("line"), Assoc("line-sms", "line", Channel.Sms, "checkout")],
            "ResourceAssociation/line-sms", ConditionReasons.ReferenceNotFound, "Application checkout is not Ready (Invalid)"),
        ["reference_to_a_deleting_object_is_not_found"] = new(
            [Deleting(App("checkout")), Number("line"), Assoc("line-sms", "line", Channel.Sms, "checkout")],
            "ResourceAssociation/line-sms", ConditionReasons.ReferenceNotFound, "Application checkout is being deleted"),
        ["number_level_reference_must_resolve"] = new(
            [Number("line", application: "ghost")], "Resource/line", ConditionReasons.ReferenceNotFound, "Application ghost not found"),
        ["sms_needs_a_north_american_long_code"] = new(
            [Number("uk", number: "+447700900123", country: "GB"), Assoc("uk-sms", "uk", Channel.Sms, entity: null, application: "app"), App("app")],
            "ResourceAssociation/uk-sms", ConditionReasons.Incompatible, "US or CA 10-digit long codes"),
        ["sms_does_not_take_a_short_code"] = new(
            [Number("short", number: "55123", type: NumberType.ShortCode), App("app"), Assoc("short-sms", "short", Channel.Sms, "app")],
            "ResourceAssociation/short-sms", ConditionReasons.Incompatible, "US or CA 10-digit long codes"),
        ["sms_needs_the_sms_capability"] = new(
            [Number("voice-only", capabilities: [Channel.Voice]), App("app"), Assoc("v-sms", "voice-only", Channel.Sms, "app")],
            "ResourceAssociation/v-sms", ConditionReasons.Incompatible, "capability"),
        ["sms_takes_an_alpha_sender"] = new(
            [Alpha("brand"), App("app"), Assoc("brand-sms", "brand", Channel.Sms, "app")], "ResourceAssociation/brand-sms", ConditionReasons.Resolved, ""),
        ["mms_does_not_take_an_alpha_sender"] = new(
            [Alpha("brand"), App("app"), Assoc("brand-mms", "brand", Channel.Mms, "app")], "ResourceAssociation/brand-mms", ConditionReasons.Incompatible, "MMS needs a NUMBER"),
        ["email_needs_a_domain"] = new(
            [Number("line"), App("app"), Assoc("line-mail", "line", Channel.Email, "app")], "ResourceAssociation/line-mail", ConditionReasons.Incompatible, "EMAIL needs a DOMAIN"),
        ["voice_needs_the_voice_capability"] = new(
            [Number("line", capabilities: [Channel.Sms]), App("app"), Assoc("line-voice", "line", Channel.Voice, "app")],
            "ResourceAssociation/line-voice", ConditionReasons.Incompatible, "VOICE capability"),
        ["chat_app_channel_needs_a_chat_app_of_that_channel"] = new(
            [ChatApp("viber", Channel.Viber), App("app"), Assoc("viber-wa", "viber", Channel.WhatsApp, "app")],
            "ResourceAssociation/viber-wa", ConditionReasons.Incompatible, "a CHAT_APP of VIBER"),
        ["webrtc_needs_a_push_configuration"] = new(
            [Domain("mail"), App("app"), Assoc("mail-rtc", "mail", Channel.WebRtc, "app")], "ResourceAssociation/mail-rtc", ConditionReasons.Incompatible, "WEBRTC_PUSH"),
        ["duplicate_resource_newer_declaration_loses"] = new(
            [Number("old-line", created: Older), Number("new-line")], "Resource/new-line", ConditionReasons.Duplicate, "Resource shop/old-line"),
        ["duplicate_resource_oldest_declaration_wins"] = new(
            [Number("old-line", created: Older), Number("new-line")], "Resource/old-line", ConditionReasons.Resolved, ""),
        ["duplicate_resource_same_age_name_decides"] = new(
            [Number("b-line", created: Older), Number("a-line", created: Older)], "Resource/b-line", ConditionReasons.Duplicate, "Resource shop/a-line"),
        ["duplicate_short_code_is_per_country"] = new(
            [Number("us", number: "55123", type: NumberType.ShortCode, created: Older), Number("ca", number: "55123", country: "CA", type: NumberType.ShortCode)],
            "Resource/ca", ConditionReasons.Resolved, ""),
        ["duplicate_alpha_sender_ignores_case"] = new(
            [Alpha("upper", "SHOPCO", created: Older), Alpha("lower", "ShopCo")], "Resource/lower", ConditionReasons.Duplicate, "Resource shop/upper"),
        ["undated_declaration_counts_as_the_newest"] = new(
            [Undated(Number("a-undated")), Number("b-dated")], "Resource/a-undated", ConditionReasons.Duplicate, "Resource shop/b-dated"),
        ["application_id_unique_oldest_wins"] = new(
            [App("first", id: "checkout", created: Older), App("second", id: "checkout")], "Application/second", ConditionReasons.Conflict, "Application first"),
        ["application_id_defaults_to_the_name"] = new(
            [App("checkout", created: Older), App("other", id: "checkout")], "Application/other", ConditionReasons.Conflict, "Application checkout"),
        ["entity_id_unique_oldest_wins"] = new(
            [Ent("first", id: "acme", created: Older), Ent("second", id: "acme")], "Entity/second", ConditionReasons.Conflict, "Entity first"),
        ["association_unique_per_resource_channel_application_entity"] = new(
            [App("app"), Number("line"), Assoc("first", "line", Channel.Sms, "app", created: Older), Assoc("second", "line", Channel.Sms, "app")],
            "ResourceAssociation/second", ConditionReasons.Conflict, "ResourceAssociation first"),
        ["association_on_another_channel_is_no_conflict"] = new(
            [App("app"), Number("line"), Assoc("first", "line", Channel.Sms, "app", created: Older), Assoc("second", "line", Channel.Mms, "app")],
            "ResourceAssociation/second", ConditionReasons.Resolved, ""),
        ["one_voice_association_per_number"] = new(
            [App("app"), App("other"), Number("line"), Assoc("voice-a", "line", Channel.Voice, "app", created: Older), Assoc("voice-b", "line", Channel.Voice, "other")],
            "ResourceAssociation/voice-b", ConditionReasons.Conflict, "voice-a"),
        ["strategy_unique_per_application_entity_channel_country"] = new(
            [App("app"), Number("line"), Assoc("line-sms", "line", Channel.Sms, "app"), Strategy("first", "app", channel: Channel.Sms, created: Older), Strategy("second", "app", channel: Channel.Sms)],
            "SenderStrategy/second", ConditionReasons.Conflict, "SenderStrategy first"),
        ["strategy_without_senders_has_no_senders"] = new(
            [App("app"), Strategy("lonely", "app")], "SenderStrategy/lonely", ConditionReasons.NoSenders, "no Ready SMS or MMS association"),
        ["strategy_senders_must_serve_its_country"] = new(
            [App("app"), Number("line"), Assoc("line-sms", "line", Channel.Sms, "app"), Strategy("canada", "app", country: "CA")],
            "SenderStrategy/canada", ConditionReasons.NoSenders, ""),
        ["strategy_with_senders_is_resolved"] = new(
            [App("app"), Number("line"), Assoc("line-sms", "line", Channel.Sms, "app"), Strategy("us", "app", country: "US")],
            "SenderStrategy/us", ConditionReasons.Resolved, ""),
        ["inbound_unique_per_resource_channel_keyword_ignoring_case"] = new(
            [Number("line"), Inbound("stop", "line", keyword: "STOP", created: Older), Inbound("stop-lower", "line", keyword: "stop")],
            "InboundConfiguration/stop-lower", ConditionReasons.Conflict, "InboundConfiguration stop"),
        ["inbound_default_unique_per_resource_and_channel"] = new(
            [Number("line"), Inbound("first", "line", created: Older), Inbound("second", "line")],
            "InboundConfiguration/second", ConditionReasons.Conflict, "InboundConfiguration first"),
        ["inbound_default_not_allowed_on_shared_number"] = new(
            [Number("shared", shared: true), Inbound("shared-default", "shared")],
            "InboundConfiguration/shared-default", ConditionReasons.DefaultNotAllowedOnSharedNumber, "Resource shared"),
        ["inbound_keyword_allowed_on_shared_number"] = new(
            [Number("shared", shared: true), Inbound("shared-stop", "shared", keyword: "STOP")], "InboundConfiguration/shared-stop", ConditionReasons.Resolved, ""),
        ["inbound_only_on_number_or_chat_app"] = new(
            [Alpha("brand"), Inbound("brand-in", "brand")], "InboundConfiguration/brand-in", ConditionReasons.Incompatible, "NUMBER or a CHAT_APP"),
        ["inbound_channel_must_be_a_number_capability"] = new(
            [Number("line", capabilities: [Channel.Voice]), Inbound("line-in", "line")], "InboundConfiguration/line-in", ConditionReasons.Incompatible, "SMS capability"),
        ["inbound_on_chat_app_takes_its_channel"] = new(
            [ChatApp("wa"), Inbound("wa-in", "wa", Channel.Viber)], "InboundConfiguration/wa-in", ConditionReasons.Incompatible, "a CHAT_APP of WHATSAPP"),
        ["invalid_comes_before_a_missing_reference"] = new(
            [Assoc("both", "nope", Channel.Voice)], "ResourceAssociation/both", ConditionReasons.Invalid, "applicationRef"),
        ["missing_reference_comes_before_channel_fit"] = new(
            [Alpha("brand"), Assoc("brand-mms", "brand", Channel.Mms, "ghost")], "ResourceAssociation/brand-mms", ConditionReasons.ReferenceNotFound, "Application ghost"),
        ["channel_fit_comes_before_conflict"] = new(
            [App("app"), Alpha("brand"), Assoc("a", "brand", Channel.Mms, "app", created: Older), Assoc("b", "brand", Channel.Mms, "app")],
            "ResourceAssociation/b", ConditionReasons.Incompatible, ""),
        ["duplicate_comes_before_a_missing_number_level_reference"] = new(
            [Number("old-line", created: Older), Number("new-line", application: "ghost")], "Resource/new-line", ConditionReasons.Duplicate, ""),
        ["shared_default_comes_before_conflict"] = new(
            [Number("shared", shared: true), Inbound("a", "shared", created: Older), Inbound("b", "shared")],
            "InboundConfiguration/b", ConditionReasons.DefaultNotAllowedOnSharedNumber, ""),
        ["a_loser_that_is_not_otherwise_ready_does_not_block_the_winner"] = new(
            [App("app"), Number("line"), Assoc("older-broken", "line", Channel.Sms, "ghost", created: Older), Assoc("newer", "line", Channel.Sms, "app")],
            "ResourceAssociation/newer", ConditionReasons.Resolved, ""),
    };

    public static TheoryData<string> Rules() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule(string rule)
    {
        var @case = Cases[rule];

        var ready = Compile(@case.Objects).Find(@case.Subject).Ready();

        Assert.Equal(@case.Reason, ready.Reason);
        Assert.Equal(@case.Reason == ConditionReasons.Resolved ? ConditionStatuses.True : ConditionStatuses.False, ready.Status);
        Assert.Contains(@case.MessagePart, ready.Message, StringComparison.Ordinal);
    }

    internal sealed record Case(ICustomResource[] Objects, string Subject, string Reason, string MessagePart);
}
