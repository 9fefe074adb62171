using System.CommandLine;

using CpaasX.Operator.Diff;

namespace CpaasX.Operator.Cli;

/// <summary>
/// <c>diff --from PATH --to PATH [--namespace NS] [--format text|markdown|json] [--sample N]</c>: the routing impact of
/// a change, per namespace, from two sides that are each manifests (compiled offline as <c>compile -f</c> does) or a
/// compiled routing table. Exit 0 no routing change, 1 changes (as <c>diff</c> has it), 2 unreadable input or bad usage
/// (a namespace that neither side holds is bad usage).
/// </summary>
internal static class DiffCommand
{
    public const int ChangesExitCode = 1;

    private static readonly string[] Formats = ["text", "markdown", "json"];

    public static Command Create()
    {
        Option<string> from = new("--from") { Description = "Before the change: a manifest file or folder, or a compiled routing.json (plain or gzipped).", Required = true };
        Option<string> to = new("--to") { Description = "After the change, as --from.", Required = true };
        Option<string?> @namespace = new("--namespace", "-n") { Description = "Report this namespace only." };
        Option<string> format = new("--format") { Description = "text, markdown (a pull-request comment) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        Option<int> sample = new("--sample")
        {
            Description = "Sample destinations per country for the moved shares.",
            DefaultValueFactory = _ => DestinationSampling.DefaultDestinationsPerCountry,
        };
        sample.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--sample must be at least 1.");
            }
        });
        Command command = new("diff", "Report what a change does to routing (pools, strategies, moved traffic, inbound and voice routes, readiness).")
        {
            from, to, @namespace, format, sample,
        };
        command.Action = new UsageCheckedAction(parseResult =>
        {
            var now = DateTimeOffset.UtcNow;
            var before = DiffInput.Load(parseResult.GetRequiredValue(from), "--from", now);
            var after = DiffInput.Load(parseResult.GetRequiredValue(to), "--to", now);
            var only = parseResult.GetValue(@namespace);
            if (only is not null && !before.Concat(after).Any(state => state.Namespace == only))
            {
                // A misspelt namespace would otherwise report "no routing change".
                throw new UsageException($"--namespace: neither side holds namespace '{only}'.");
            }

            var diff = RoutingDiffer.Diff(before, after, only, new DestinationSampling(parseResult.GetValue(sample)));
            var output = parseResult.InvocationConfiguration.Output;
            switch (parseResult.GetRequiredValue(format))
            {
                case "markdown":
                    DiffMarkdown.Write(diff, output);
                    break;
                case "json":
                    output.Write(DiffJson.Serialize(diff));
                    break;
                default:
                    DiffText.Write(diff, output);
                    break;
            }

            return diff.Changed ? ChangesExitCode : 0;
        });
        return command;
    }
}
