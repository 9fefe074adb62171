using CpaasX.Operator.Cli;
using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.Diff;

/// <summary>
/// <c>diff</c> over the samples, one kind of change each, against the text report in Golden/NAME.txt. To accept a
/// changed report after reviewing it, run the tests with CPAASX_UPDATE_GOLDEN=1: the files are rewritten in the source tree.
/// </summary>
public sealed class DiffGoldenTests
{
    [Fact]
    public void Association_edited_moves_a_number_to_another_customer() => Golden("association-edited", change => change.Replace(
        "customers/30-associations.yaml",
        """
          resourceRef: {name: acme-ca}
          channel: SMS
          applicationRef: {name: notifier}
          entityRef: {name: acme}
        """,
        """
          resourceRef: {name: acme-ca}
          channel: SMS
          applicationRef: {name: notifier}
          entityRef: {name: globex}
        """));

    [Fact]
    public void Association_added_to_a_sticky_pool_of_two_moves_about_a_third() => Golden("association-added", change => change
        .Append("environments/20-resources.yaml", """
            apiVersion: cpaasx.io/v1alpha1
            kind: Resource
            metadata: {name: prod-line-3, namespace: shop}
            spec:
              type: NUMBER
              number: {number: "+12015550105", numberType: VIRTUAL_LONG_NUMBER, country: US, capabilities: [SMS]}
            """)
        .Append("environments/30-associations.yaml", """
            apiVersion: cpaasx.io/v1alpha1
            kind: ResourceAssociation
            metadata: {name: prod-line-3-sms, namespace: shop}
            spec: {resourceRef: {name: prod-line-3}, channel: SMS, applicationRef: {name: checkout-prod}}
            """));

    [Fact]
    public void Association_removed_takes_a_voice_route_away() => Golden("association-removed", change => change
        .Remove("environments/30-associations.yaml", "prod-line-1-voice"));

    [Fact]
    public void Strategy_priorities_swapped_move_a_country_to_the_alpha_sender() => Golden("strategy-priorities", change => change.Replace(
        "customers/40-sender-strategies.yaml",
        """
          - {senderType: VIRTUAL_LONG_NUMBER, priority: 1}
          - {senderType: ALPHANUMERIC, priority: 2}
        """,
        """
          - {senderType: VIRTUAL_LONG_NUMBER, priority: 2}
          - {senderType: ALPHANUMERIC, priority: 1}
        """));

    [Fact]
    public void Keyword_added_reaches_another_application() => Golden("keyword-added", change => change.Append(
        "inbound/40-inbound-configurations.yaml",
        """
        apiVersion: cpaasx.io/v1alpha1
        kind: InboundConfiguration
        metadata: {name: support-line-hours, namespace: helpdesk}
        spec: {resourceRef: {name: support-line}, channel: SMS, keyword: hours, applicationRef: {name: marketing}}
        """));

    [Fact]
    public void Number_level_route_set_moves_the_inbound_routes_that_fall_through_to_it() => Golden("number-level-route", change => change.Replace(
        "environments/20-resources.yaml",
        """
            capabilities: [SMS, MMS, VOICE]
            numberKey: 8F0792F86035A9F4
        """,
        """
            capabilities: [SMS, MMS, VOICE]
            numberKey: 8F0792F86035A9F4
          applicationRef: {name: checkout-prod}
        """));

    [Fact]
    public void Object_made_a_duplicate_stops_being_ready_and_leaves_its_pool() => Golden("object-duplicate", change => change.Replace(
        "environments/20-resources.yaml", "number: \"+12015550102\"", "number: \"+12015550101\""));

    private static void Golden(string name, Action<SampleChange> edit)
    {
        using SampleChange change = new();
        edit(change);

        var (exitCode, output, error) = DiffRun.Run("diff", "--from", change.Before, "--to", change.After);

        Assert.Equal(DiffCommand.ChangesExitCode, exitCode);
        Assert.Empty(error);
        var golden = RepositoryRoot.Combine("tests", "CpaasX.Operator.Tests", "Diff", "Golden", $"{name}.txt");
        if (Environment.GetEnvironmentVariable("CPAASX_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, output);
        }

        Assert.Equal(File.ReadAllText(golden), output);
    }
}
