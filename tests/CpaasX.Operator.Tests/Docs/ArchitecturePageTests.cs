using System.Text.RegularExpressions;

using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.Docs;

/// <summary>
/// Keeps docs/architecture.md true as the code moves: every repository path it names in backticks exists, its folder
/// table has a row for every top-level folder of src/CpaasX.Operator, and each row's imports are the ones the folder's
/// <c>using CpaasX.</c> lines make, all pointing up the table.
/// </summary>
public sealed partial class ArchitecturePageTests
{
    private const string ProjectFolder = "src/CpaasX.Operator";

    private static readonly Lazy<string> Page = new(() => File.ReadAllText(RepositoryRoot.Combine("docs", "architecture.md")));

    [Fact]
    public void Every_repository_path_the_page_names_exists()
    {
        var paths = RepositoryPaths(Page.Value);

        Assert.True(paths.Count >= 30, $"only {paths.Count} paths found: the page's backticked paths are no longer read");
        var missing = paths.Where(path => !File.Exists(RepositoryRoot.Combine(path)) && !Directory.Exists(RepositoryRoot.Combine(path))).ToList();
        Assert.True(missing.Count == 0, "docs/architecture.md names paths that do not exist: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_top_level_folder_of_the_operator_project_has_a_row_in_the_folder_table()
    {
        var rows = FolderRows(Page.Value).Select(row => row.Folder).ToHashSet(StringComparer.Ordinal);

        var missing = SourceFolders().Where(folder => !rows.Contains(folder)).ToList();
        Assert.True(missing.Count == 0, $"folders of {ProjectFolder} missing from docs/architecture.md's folder table: " + string.Join(", ", missing));
    }

    [Fact]
    public void Each_row_of_the_folder_table_lists_the_imports_its_code_makes()
    {
        foreach (var row in FolderRows(Page.Value))
        {
            var written = row.Imports.Order(StringComparer.Ordinal);
            var made = ImportsOf(row.Folder).Order(StringComparer.Ordinal);
            Assert.True(written.SequenceEqual(made), $"{row.Folder}: the page says it imports [{string.Join(", ", written)}], its code imports [{string.Join(", ", made)}]");
        }
    }

    [Fact]
    public void Imports_point_up_the_folder_table()
    {
        var rows = FolderRows(Page.Value);
        var position = rows.Select((row, index) => (row.Folder, index)).ToDictionary(entry => entry.Folder, entry => entry.index, StringComparer.Ordinal);

        Assert.True(rows.Count >= 10, $"only {rows.Count} rows found in the folder table");
        foreach (var (row, index) in rows.Select((row, index) => (row, index)))
        {
            foreach (var import in row.Imports.Where(position.ContainsKey))
            {
                Assert.True(position[import] < index, $"{row.Folder} imports {import}, which is below it in the table: reorder the table, or invert the import");
            }
        }
    }

    /// <summary>
    /// Backticked spans outside code blocks that hold a path from the repository root: a slash (not a URL path), or a
    /// file name with one of the repository's extensions (the files at the root).
    /// </summary>
    private static List<string> RepositoryPaths(string page) =>
        InlineCode().Matches(CodeBlock().Replace(page, string.Empty))
            .Select(match => match.Groups[1].Value)
            .Where(span => (span.Contains('/') && !span.StartsWith('/') && !span.Contains(':')) || FileName().IsMatch(span))
            .Select(span => span.TrimEnd('/'))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The folder table's rows in page order: <c>| `src/CpaasX.Operator/Folder` | what | imports |</c>.</summary>
    private static List<FolderRow> FolderRows(string page) =>
        page.Split('\n')
            .Select(line => FolderTableRow().Match(line))
            .Where(match => match.Success)
            .Select(match => new FolderRow(match.Groups["folder"].Value, ParseImports(match.Groups["imports"].Value.Trim())))
            .ToList();

    private static List<string> ParseImports(string cell) =>
        cell == "nothing of the operator" ? [] : [.. cell.Split(',', StringSplitOptions.TrimEntries)];

    private static IEnumerable<string> SourceFolders() =>
        Directory.GetDirectories(RepositoryRoot.Combine(ProjectFolder))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj"));

    /// <summary>What a folder's files import: another folder of the project by its name, another project by its own.</summary>
    private static HashSet<string> ImportsOf(string folder) =>
        Directory.EnumerateFiles(RepositoryRoot.Combine(ProjectFolder, folder), "*.cs", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Select(line => UsingLine().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups["project"].Value == "Operator" ? match.Groups["folder"].Value : "CpaasX." + match.Groups["project"].Value)
            .Where(name => name.Length > 0 && name != folder)
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^using\s+(static\s+)?(\w+\s*=\s*)?CpaasX\.(?<project>\w+)(\.(?<folder>\w+))?")]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"^\| `src/CpaasX\.Operator/(?<folder>\w+)` \|[^|]*\|(?<imports>[^|]*)\|\s*$")]
    private static partial Regex FolderTableRow();

    [GeneratedRegex(@"^(Dockerfile|\.?[\w.-]*\.(sln|props|cs|md|yaml|json|sh|editorconfig))$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"`([^`\s]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CodeBlock();

    private sealed record FolderRow(string Folder, List<string> Imports);
}
