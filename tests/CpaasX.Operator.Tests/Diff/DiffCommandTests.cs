using System.IO.Compression;
using System.Text.Json;

using CpaasX.Operator.Cli;
using CpaasX.Operator.Diff;
using CpaasX.Operator.Tests.Support;
using CpaasX.Routing.Table;

using Json.Schema;

namespace CpaasX.Operator.Tests.Diff;

/// <summary>The diff command beyond the golden reports: what reports nothing, compiled tables as input, formats, exit codes.</summary>
public sealed class DiffCommandTests
{
    [Fact]
    public void Reordered_reformatted_and_renamed_manifests_report_no_routing_change()
    {
        using SampleChange change = new();
        foreach (var file in Directory.EnumerateFiles(change.After, "*.yaml", SearchOption.AllDirectories))
        {
            // Documents in reverse order, each file under a name read in another order.
            var documents = File.ReadAllText(file).Split("\n---\n");
            File.Delete(file);
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(file)!, "z-" + Path.GetFileName(file)), string.Join("\n---\n", documents.Reverse()) + "\n");
        }

        change.Replace("customers/z-30-associations.yaml", "  name: acme-nj-sms\n", "  name: acme-new-jersey-sms\n")
            .Replace("customers/z-20-resources.yaml", "    sender: ACME\n", "    {sender: ACME}\n");

        var (exitCode, output, error) = DiffRun.Run("diff", "--from", change.Before, "--to", change.After);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Equal(
            "namespace helpdesk: no routing change\nnamespace notify-saas: no routing change\nnamespace shop: no routing change\nno routing change\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Compiled_tables_plain_gzipped_or_keyed_by_namespace_give_the_routing_changes_of_the_manifests()
    {
        using SampleChange change = new();
        change.Replace("environments/20-resources.yaml", "number: \"+12015550102\"", "number: \"+12015550101\"");
        var before = Path.Combine(change.Root, "before.json");
        var after = Path.Combine(change.Root, "shop.json.gz");
        Assert.Equal(0, DiffRun.Run("compile", "-f", change.Before, "--output", before).ExitCode);
        var shop = Path.Combine(change.Root, "shop.json");
        Assert.Equal(0, DiffRun.Run("compile", "-f", Path.Combine(change.After, "environments"), "--output", shop).ExitCode);
        using (var gzip = File.Create(after))
        using (GZipStream compressor = new(gzip, CompressionMode.Compress))
        {
            compressor.Write(File.ReadAllBytes(shop));
        }

        var fromManifests = Json(DiffRun.Run("diff", "--from", change.Before, "--to", change.After, "-n", "shop", "--format", "json"));
        var (exitCode, output, _) = DiffRun.Run("diff", "--from", before, "--to", after, "-n", "shop", "--format", "json");
        var fromTables = Json((exitCode, output, ""));

        Assert.Equal(DiffCommand.ChangesExitCode, exitCode);
        var manifests = Assert.Single(fromManifests.Namespaces);
        var tables = Assert.Single(fromTables.Namespaces);
        Assert.True(manifests.ReadinessCompared);
        Assert.NotEmpty(manifests.Objects);
        Assert.False(tables.ReadinessCompared);
        Assert.Empty(tables.Objects);
        Assert.Equal(DiffJson.Serialize(fromManifests with { Namespaces = [manifests with { Objects = [], ReadinessCompared = false }] }), output);
    }

    [Fact]
    public void A_folder_where_the_routing_ConfigMap_is_mounted_is_read_as_its_table()
    {
        using SampleChange change = new();
        var shop = Path.Combine(change.Root, "shop.json");
        Assert.Equal(0, DiffRun.Run("compile", "-f", Path.Combine(change.Before, "environments"), "--output", shop).ExitCode);
        var mounted = Directory.CreateDirectory(Path.Combine(change.Root, "mounted")).FullName;
        File.Copy(shop, Path.Combine(mounted, RoutingTableFiles.Json));

        var (exitCode, output, error) = DiffRun.Run("diff", "--from", shop, "--to", mounted);

        Assert.True(exitCode == 0, error + output);
    }

    [Fact]
    public void Namespace_option_reports_that_namespace_alone()
    {
        using SampleChange change = new();
        change.Replace("environments/20-resources.yaml", "number: \"+12015550102\"", "number: \"+12015550101\"");

        var (changedExit, changedOutput, _) = DiffRun.Run("diff", "--from", change.Before, "--to", change.After, "--namespace", "shop");
        var (otherExit, otherOutput, _) = DiffRun.Run("diff", "--from", change.Before, "--to", change.After, "--namespace", "helpdesk");

        Assert.Equal(DiffCommand.ChangesExitCode, changedExit);
        Assert.StartsWith("namespace shop:\n", changedOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("helpdesk", changedOutput, StringComparison.Ordinal);
        Assert.Equal(0, otherExit);
        Assert.Equal("namespace helpdesk: no routing change\nno routing change\n", otherOutput.ReplaceLineEndings("\n"));
        Assert.Equal(UsageCheckedAction.UsageExitCode, DiffRun.Run("diff", "--from", change.Before, "--to", change.After, "-n", "shopp").ExitCode);
    }

    [Fact]
    public void Json_output_validates_against_its_schema_with_every_kind_of_change()
    {
        using SampleChange change = new();
        change.Replace("environments/20-resources.yaml", "number: \"+12015550102\"", "number: \"+12015550101\"")
            .Replace("customers/40-sender-strategies.yaml", "  destinationCountryCode: US\n", "  destinationCountryCode: CA\n")
            .Replace("inbound/40-inbound-configurations.yaml", "  keyword: PARTNER\n", "  keyword: PARTNERS\n")
            .Remove("environments/30-associations.yaml", "prod-line-1-voice");

        var (exitCode, output, _) = DiffRun.Run("diff", "--from", change.Before, "--to", change.After, "--format", "json");

        Assert.Equal(DiffCommand.ChangesExitCode, exitCode);
        BuildOptions options = new();
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "routing-table.schema.json")), options);
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "routing-diff.schema.json")), options);
        using var document = JsonDocument.Parse(output);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
            .Select(detail => $"{detail.InstanceLocation}: {string.Join(", ", detail.Errors!.Values)}")));
        NamespaceDiff[] namespaces = [.. Json((exitCode, output, "")).Namespaces];
        Assert.All(namespaces, @namespace => Assert.True(@namespace.Changed));
        Assert.Contains(namespaces, @namespace => @namespace.Objects.Count > 0 && @namespace.Pools.Count > 0 && @namespace.VoiceRoutes.Count > 0);
        Assert.Contains(namespaces, @namespace => @namespace.Strategies.Count > 0 && @namespace.MovedShares.Count > 0);
        Assert.Contains(namespaces, @namespace => @namespace.InboundRoutes.Count > 0);
    }

    [Fact]
    public void Markdown_puts_the_biggest_moves_first_and_cuts_long_tables_with_a_count()
    {
        using SampleChange change = new();
        for (var line = 0; line < DiffMarkdown.MaxRows + 3; line++)
        {
            change.Append("inbound/40-inbound-configurations.yaml", $$"""
                apiVersion: cpaasx.io/v1alpha1
                kind: InboundConfiguration
                metadata: {name: support-line-kw-{{line}}, namespace: helpdesk}
                spec:
                  resourceRef: {name: support-line}
                  channel: SMS
                  keyword: KW{{line}}
                  applicationRef: {name: marketing}
                """);
        }

        change.Replace("customers/40-sender-strategies.yaml", "  useGeolocatedSender: true\n", "  useGeolocatedSender: false\n")
            .Remove("customers/30-associations.yaml", "initech-alpha-sms");

        var (exitCode, output, _) = DiffRun.Run("diff", "--from", change.Before, "--to", change.After, "--format", "markdown");

        Assert.Equal(DiffCommand.ChangesExitCode, exitCode);
        Assert.StartsWith("### CPaaS X routing impact\n\n**2 of 3 namespace(s) change routing:** `helpdesk`, `notify-saas`.\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("**Inbound routes** (23)", output, StringComparison.Ordinal);
        Assert.Contains("… and 3 more (the JSON output lists all).", output, StringComparison.Ordinal);
        Assert.Contains("| +13125550121 (support-line) | SMS | KW0 | none | marketing/- |", output, StringComparison.Ordinal);
        List<double> moved = [.. output.Split('\n').Where(line => line.StartsWith("| notifier |", StringComparison.Ordinal))
            .Select(line => double.Parse(line.Split('|')[5].Trim().TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture))];
        Assert.True(moved.Count >= 2);
        Assert.Equal(moved.OrderDescending(), moved);
    }

    [Fact]
    public void A_file_that_does_not_parse_exits_two_naming_file_and_line()
    {
        using SampleChange change = new();
        File.AppendAllText(Path.Combine(change.After, "inbound", "40-inbound-configurations.yaml"), "\n---\nkind: [unclosed\n");

        var (exitCode, output, error) = DiffRun.Run("diff", "--from", change.Before, "--to", change.After);
        var (tableExit, _, tableError) = DiffRun.Run("diff", "--from", Path.Combine(change.Root, "missing.json"), "--to", change.After);

        Assert.Equal(UsageCheckedAction.UsageExitCode, exitCode);
        Assert.Empty(output);
        Assert.Matches(@"^--to: .*40-inbound-configurations\.yaml: line \d+, column \d+: ", error);
        Assert.Equal(UsageCheckedAction.UsageExitCode, tableExit);
        Assert.StartsWith("--from: ", tableError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_compiled_table_exits_two_naming_file_and_line()
    {
        using SampleChange change = new();
        var table = Path.Combine(change.Root, "routing.json");
        File.WriteAllText(table, "{\n  \"apiVersion\": \"cpaasx.io/v1alpha1\",\n  \"kind\": \"RoutingTable\",\n  \"namespace\": 7\n}\n");

        var (exitCode, _, error) = DiffRun.Run("diff", "--from", table, "--to", change.After);

        Assert.Equal(UsageCheckedAction.UsageExitCode, exitCode);
        Assert.Contains("routing.json", error, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 3", error, StringComparison.Ordinal);
    }

    private static RoutingDiff Json((int ExitCode, string Output, string Error) run) =>
        JsonSerializer.Deserialize<RoutingDiff>(run.Output, new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidOperationException("null diff");
}
