using System.Text.Json;
using System.Text.RegularExpressions;

using CpaasX.Operator.Tests.Support;

using YamlDotNet.RepresentationModel;

namespace CpaasX.Operator.Tests.Observability;

/// <summary>
/// The Grafana dashboard and the alerts of config/prometheus name only metrics a live operator's /metrics exposes,
/// so a renamed or removed metric fails here instead of leaving a blank panel or an alert that never fires.
/// </summary>
public sealed partial class MonitoringConfigTests
{
    /// <summary>Words of PromQL that look like metric names: operators and modifiers (functions are followed by a parenthesis).</summary>
    private static readonly HashSet<string> Keywords = new(["and", "or", "unless", "bool", "offset"], StringComparer.Ordinal);

    [Fact]
    public async Task Every_metric_the_dashboard_and_the_alerts_use_is_exposed_by_a_live_operator()
    {
        var used = DashboardExpressions().Concat(AlertExpressions()).SelectMany(MetricNames).ToHashSet(StringComparer.Ordinal);
        await using var cluster = await OperatorCluster.StartAsync();
        var instance = await cluster.StartOperatorAsync();
        await instance.WaitUntilReadyAsync(CancellationToken.None);

        var exposed = ExposedNames(await cluster.ScrapeMetricsAsync(instance));

        Assert.True(used.Count >= 15, $"the expressions were read: {string.Join(", ", used)}");
        Assert.Empty(used.Except(exposed).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("sum by (le) (rate(workqueue_queue_duration_seconds_bucket{job=\"$job\",name=\"namespace\"}[$__rate_interval]))", "workqueue_queue_duration_seconds_bucket")]
    [InlineData("count(cpaasx_routing_not_published{job=\"x\"}) or vector(0)", "cpaasx_routing_not_published")]
    [InlineData("max by (name) (leader_election_master_status) < 1 and on (name) up offset 5m", "leader_election_master_status,up")]
    public void Metric_names_are_read_from_an_expression_without_functions_labels_or_keywords(string expression, string names) =>
        Assert.Equal(names.Split(','), MetricNames(expression).Order(StringComparer.Ordinal));

    private static IEnumerable<string> DashboardExpressions()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("config", "prometheus", "dashboard.json")));
        var panelExpressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => target.GetProperty("expr").GetString()!);
        var variableQueries = dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Where(variable => variable.GetProperty("type").GetString() == "query")
            .Select(variable => variable.GetProperty("definition").GetString()!);
        return [.. panelExpressions, .. variableQueries.Select(query => LabelValuesArgument().Match(query).Groups["selector"].Value)];
    }

    private static IEnumerable<string> AlertExpressions()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryRoot.Combine("config", "prometheus", "alerts.yaml"))));
        var groups = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["spec"])["groups"];
        return [.. groups.Children.Cast<YamlMappingNode>()
            .SelectMany(group => ((YamlSequenceNode)group["rules"]).Children.Cast<YamlMappingNode>())
            .Select(rule => ((YamlScalarNode)rule["expr"]).Value!)];
    }

    /// <summary>The series names in a PromQL expression: what is left once label matchers, ranges, grouping clauses, strings, functions and keywords are gone.</summary>
    private static IEnumerable<string> MetricNames(string expression)
    {
        var text = LabelMatchers().Replace(expression, " ");
        text = Ranges().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        return Identifiers().Matches(text).Select(match => match.Value).Where(name => !Keywords.Contains(name)).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Every series name /metrics serves, and the names a family declared by <c># TYPE</c> would have (a histogram's _bucket, _sum, _count).</summary>
    private static HashSet<string> ExposedNames(string metrics)
    {
        var names = PrometheusText.Parse(metrics).Select(sample => sample.Name).ToHashSet(StringComparer.Ordinal);
        foreach (Match family in TypeLine().Matches(metrics))
        {
            var name = family.Groups["name"].Value;
            names.Add(name);
            if (family.Groups["type"].Value == "histogram")
            {
                names.UnionWith([name + "_bucket", name + "_sum", name + "_count"]);
            }
        }

        return names;
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\b[a-zA-Z_][a-zA-Z0-9_]*\b(?!\s*\()")]
    private static partial Regex Identifiers();

    [GeneratedRegex(@"^# TYPE (?<name>\S+) (?<type>\S+)$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"label_values\((?<selector>.*),\s*\w+\)")]
    private static partial Regex LabelValuesArgument();
}
