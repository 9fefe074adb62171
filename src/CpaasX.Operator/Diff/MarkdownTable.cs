namespace CpaasX.Operator.Diff;

/// <summary>
/// The markdown tables of the operator's reports (the routing diff, the platform sync's plan): a bold title with the
/// row count, the rows cut at <see cref="MaxRows"/> with a count of the rest, every cell escaped.
/// </summary>
internal static class MarkdownTable
{
    /// <summary>Rows shown per table, so a report stays readable in a pull-request comment or a ConfigMap.</summary>
    public const int MaxRows = 20;

    /// <summary>Writes nothing for no rows.</summary>
    /// <param name="note">Said after the count in the title, or null.</param>
    /// <param name="rest">Where the rows beyond <see cref="MaxRows"/> can be seen, said after their count.</param>
    public static void Write<T>(TextWriter output, string title, string? note, string[] header, IReadOnlyList<T> rows, Func<T, string[]> cells, string rest)
    {
        if (rows.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(note is null ? $"**{title}** ({rows.Count})" : $"**{title}** ({rows.Count}; {note})");
        output.WriteLine();
        output.WriteLine($"| {string.Join(" | ", header)} |");
        output.WriteLine($"|{string.Concat(header.Select(_ => "---|"))}");
        foreach (var row in rows.Take(MaxRows))
        {
            output.WriteLine($"| {string.Join(" | ", cells(row).Select(Escape))} |");
        }

        if (rows.Count > MaxRows)
        {
            output.WriteLine();
            output.WriteLine($"… and {rows.Count - MaxRows} more ({rest}).");
        }
    }

    /// <summary>A cell's text on one line, its pipes not ending the cell.</summary>
    public static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
