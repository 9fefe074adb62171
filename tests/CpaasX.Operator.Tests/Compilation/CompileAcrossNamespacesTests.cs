using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Model;

using static CpaasX.Operator.Tests.Support.NamespaceObjects;

namespace CpaasX.Operator.Tests.Compilation;

/// <summary>A resource value is bought once cluster-wide: the oldest declaration in any namespace wins.</summary>
public sealed class CompileAcrossNamespacesTests
{
    [Fact]
    public void Older_declaration_in_another_namespace_makes_this_one_duplicate()
    {
        var theirs = Number("their-line", created: Epoch.AddDays(-1), @namespace: "other");
        var ours = Number("our-line");

        var compiled = NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, [ours]), ResourceValueIndex.Build([theirs, ours]), Now).Find("Resource/our-line");

        Assert.Equal(ConditionReasons.Duplicate, compiled.Ready().Reason);
        Assert.Contains("Resource other/their-line", compiled.Ready().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Newer_declaration_in_another_namespace_does_not_displace_this_one()
    {
        var ours = Number("our-line", created: Epoch.AddDays(-1));
        var theirs = Number("their-line", @namespace: "other");

        var compiled = NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, [ours]), ResourceValueIndex.Build([theirs, ours]), Now).Find("Resource/our-line");

        Assert.Equal(ConditionReasons.Resolved, compiled.Ready().Reason);
    }

    [Fact]
    public void Same_age_across_namespaces_the_namespace_decides()
    {
        var created = Epoch.AddDays(-1);
        var early = Number("line", created: created, @namespace: "alpha");
        var late = Number("line", created: created);

        var compiled = NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, [late]), ResourceValueIndex.Build([early, late]), Now).Find("Resource/line");

        Assert.Equal(ConditionReasons.Duplicate, compiled.Ready().Reason);
        Assert.Contains("alpha/line", compiled.Ready().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_declaration_does_not_hold_the_value()
    {
        var leaving = Deleting(Number("their-line", created: Epoch.AddDays(-1), @namespace: "other"));
        var ours = Number("our-line");

        var compiled = NamespaceCompiler.Compile(NamespaceSnapshot.Of(Namespace, [ours]), ResourceValueIndex.Build([leaving, ours]), Now).Find("Resource/our-line");

        Assert.Equal(ConditionReasons.Resolved, compiled.Ready().Reason);
    }

    [Fact]
    public void Index_names_the_namespaces_declaring_a_value()
    {
        var index = ResourceValueIndex.Build(
            [Number("a", @namespace: "one"), Number("b", @namespace: "two"), Number("c", number: "+12015550199", @namespace: "three")]);

        Assert.Equal(["one", "two"], index.DeclarationsOf("NUMBER:+12015550101").Select(declaration => declaration.Namespace).Order(StringComparer.Ordinal));
        Assert.Empty(index.DeclarationsOf("NUMBER:+19999999999"));
    }

    [Theory]
    [InlineData(ResourceType.Number, "NUMBER:55123@US")]
    [InlineData(ResourceType.Alpha, "ALPHA:SHOP CO")]
    [InlineData(ResourceType.Domain, "DOMAIN:mail.shop.example")]
    [InlineData(ResourceType.ChatApp, "CHAT_APP:WHATSAPP:447860099299")]
    [InlineData(ResourceType.WebRtcPush, "WEBRTC_PUSH:4f8c2e1a-push")]
    public void Value_is_type_qualified_and_normalized(ResourceType type, string value)
    {
        var resource = type switch
        {
            ResourceType.Number => Number("r", number: "55123", type: NumberType.ShortCode),
            ResourceType.Alpha => Alpha("r", "Shop Co"),
            ResourceType.Domain => Domain("r"),
            ResourceType.ChatApp => ChatApp("r"),
            _ => Push("r"),
        };

        Assert.Equal(value, ResourceValueIndex.ValueOf(resource));
    }

    [Fact]
    public void Resource_without_a_value_is_not_indexed()
    {
        var empty = Meta(new Resource { Spec = new ResourceSpec { Type = ResourceType.Number } }, "empty");

        Assert.Null(ResourceValueIndex.ValueOf(empty));
    }
}
