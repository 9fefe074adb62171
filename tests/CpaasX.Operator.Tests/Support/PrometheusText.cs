using System.Globalization;
using System.Text.RegularExpressions;

namespace CpaasX.Operator.Tests.Support;

/// <summary>One sample of a Prometheus text exposition: a series name, its labels and its value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string LabelNames => string.Join(",", Labels.Keys.Order(StringComparer.Ordinal));
}

/// <summary>Reads the Prometheus text format as /metrics serves it (the sample lines; comments are skipped).</summary>
public static partial class PrometheusText
{
    public static IReadOnlyList<PrometheusSample> Parse(string text) =>
        [.. text.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(ParseLine)];

    private static PrometheusSample ParseLine(string line)
    {
        var match = SampleLine().Match(line);
        Assert.True(match.Success, $"not a sample line: {line}");
        var labels = LabelPair().Matches(match.Groups["labels"].Value)
            .ToDictionary(pair => pair.Groups["name"].Value, pair => pair.Groups["value"].Value, StringComparer.Ordinal);
        var value = match.Groups["value"].Value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            var number => double.Parse(number, CultureInfo.InvariantCulture),
        };
        return new PrometheusSample(match.Groups["name"].Value, labels, value);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex LabelPair();
}
