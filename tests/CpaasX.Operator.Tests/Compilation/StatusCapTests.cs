using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Routing.Model;

using static CpaasX.Operator.Tests.Support.NamespaceObjects;

namespace CpaasX.Operator.Tests.Compilation;

/// <summary>Whatever the namespace's size, what a status lists or says stays within its CRD's limits.</summary>
public sealed class StatusCapTests
{
    private const int Referrers = 1_284;

    [Fact]
    public void An_in_use_message_names_the_first_referrers_and_counts_the_rest()
    {
        ICustomResource[] associations = [.. Enumerable.Range(0, Referrers).Select(i => Assoc($"line-sms-{i:D4}", "line", Channel.Sms, "checkout"))];

        var line = Compile([Deleting(Number("line")), App("checkout"), .. associations]).Find("Resource/line");

        Assert.Equal(ConditionReasons.InUse, line.Ready().Reason);
        Assert.EndsWith($"ResourceAssociation/line-sms-{AssociationList.MaxListed - 1:D4} … and 1,234 more", line.Ready().Message, StringComparison.Ordinal);
        Assert.Equal(Referrers, line.Referrers.Count);
    }

    [Fact]
    public void A_resource_lists_its_first_associations_and_counts_them_all()
    {
        ICustomResource[] associations = [.. Enumerable.Range(0, Referrers).Select(i => Assoc($"line-sms-{i:D4}", "line", Channel.Sms, $"app-{i:D4}"))];
        ICustomResource[] applications = [.. Enumerable.Range(0, Referrers).Select(i => App($"app-{i:D4}"))];

        var status = (ResourceStatus)Compile([Number("line"), .. applications, .. associations]).Find("Resource/line").DesiredStatus;

        Assert.Equal(Referrers, status.AssociationCount);
        Assert.Equal(AssociationList.MaxListed, status.Associations!.Count);
        Assert.Equal("line-sms-0000", status.Associations[0].Name);
    }

    [Fact]
    public void A_message_over_the_CRD_limit_is_cut_and_says_how_much()
    {
        var longMessage = new string('x', StatusCaps.MaxMessageLength + 5_000);

        var capped = StatusCaps.Message(longMessage);

        Assert.True(capped.Length <= StatusCaps.MaxMessageLength, $"{capped.Length} characters");
        Assert.EndsWith("more characters", capped, StringComparison.Ordinal);
    }
}
