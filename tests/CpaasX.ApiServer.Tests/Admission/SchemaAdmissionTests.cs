using System.Text.Json.Nodes;

using CpaasX.ApiServer.Admission;
using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Resources;

namespace CpaasX.ApiServer.Tests.Admission;

public sealed class SchemaAdmissionTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {"type":"object","properties":{"spec":{"type":"object",
          "x-kubernetes-validations":[
            {"rule":"self.size >= 0","message":"never negative"},
            {"rule":"isURL(self.home)","message":"home must be a URL"},
            {"rule":"self.size >= oldSelf.size","message":"size may only grow"}],
          "properties":{
            "size":{"type":"integer"},
            "home":{"type":"string"},
            "name":{"type":"string","maxLength":3},
            "tags":{"type":"array","maxItems":1,"items":{"type":"string"}},
            "nested":{"type":"object","default":{},"properties":{"mode":{"type":"string","default":"auto"}}},
            "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}
        """)!.AsObject();

    private static readonly ResourceType Widgets = new()
    {
        Group = "example.com",
        Version = "v1",
        Plural = "widgets",
        Singular = "widget",
        Kind = "Widget",
        Namespaced = true,
        IsCustom = true,
        TracksGeneration = true,
        Schema = Schema,
    };

    private readonly SchemaAdmission _admission = new(new CelRuleEvaluator());

    [Fact]
    public void Unknown_fields_are_pruned_without_strict_validation_and_kept_where_the_schema_preserves_them()
    {
        var obj = Widget("""{"size":1,"extra":true,"free":{"anything":1}}""");

        _admission.Admit(Widgets, obj, null, strict: false);

        Assert.Null(obj["spec"]!["extra"]);
        Assert.Equal(1, obj["spec"]!["free"]!["anything"]!.GetValue<int>());
    }

    [Fact]
    public void Defaults_apply_at_every_level()
    {
        var obj = Widget("""{"size":1}""");

        _admission.Admit(Widgets, obj, null, strict: true);

        Assert.Equal("auto", obj["spec"]!["nested"]!["mode"]!.ToString());
    }

    [Fact]
    public void Structural_violations_are_422_with_one_cause_per_field()
    {
        var error = Assert.Throws<ApiException>(() => _admission.Admit(Widgets, Widget("""{"size":"big","name":"toolong","tags":["a","b"]}"""), null, strict: true));

        var causes = error.Details!["causes"]!.AsArray().Select(c => $"{c!["field"]} {c["reason"]}").ToList();
        Assert.Equal(422, error.Code);
        Assert.Equal("Widget", error.Details["kind"]!.ToString());
        Assert.Equal(["spec.size FieldValueTypeInvalid", "spec.name FieldValueTooLong", "spec.tags FieldValueTooMany"], causes);
        Assert.StartsWith("Widget.example.com \"w\" is invalid: [", error.Message);
    }

    [Fact]
    public void A_rule_this_server_cannot_evaluate_is_reported_as_a_warning_not_passed_or_failed_silently()
    {
        var cel = new CelRuleEvaluator();
        var admission = new SchemaAdmission(cel);

        var warnings = admission.Admit(Widgets, Widget("""{"size":1,"home":"not a url"}"""), null, strict: true);

        var warning = Assert.Single(warnings);
        Assert.Contains("isURL(self.home)", warning);
        Assert.Contains("isURL(self.home)", cel.UnsupportedRules.Keys);
    }

    [Fact]
    public void Transition_rules_run_on_updates_only_and_compare_with_the_old_object()
    {
        var old = Widget("""{"size":5}""");

        var created = _admission.Admit(Widgets, Widget("""{"size":1}"""), null, strict: true);
        var error = Assert.Throws<ApiException>(() => _admission.Admit(Widgets, Widget("""{"size":4}"""), old, strict: true));

        Assert.DoesNotContain(created, w => w.Contains("oldSelf", StringComparison.Ordinal));
        Assert.Contains("spec: Invalid value: \"object\": size may only grow", error.Message);
    }

    [Fact]
    public void Strict_validation_refuses_unknown_fields_with_400()
    {
        var error = Assert.Throws<ApiException>(() => _admission.Admit(Widgets, Widget("""{"size":1,"extra":true}"""), null, strict: true));

        Assert.Equal(400, error.Code);
        Assert.Equal("strict decoding error: unknown field \"spec.extra\"", error.Message);
    }

    private static JsonObject Widget(string spec) => new()
    {
        ["apiVersion"] = "example.com/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = "w" },
        ["spec"] = JsonNode.Parse(spec),
    };
}
