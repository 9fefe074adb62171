using System.CommandLine;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Cli;

namespace CpaasX.Operator.Tests.Cli;

/// <summary>
/// Manifests built to cost: `validate -f` and `compile -f` answer each with the file, the line and the rule broken, at
/// a bounded cost, never an uncaught exception.
/// </summary>
public sealed class HostileManifestTests : IDisposable
{
    private const string Header = """
        apiVersion: cpaasx.io/v1alpha1
        kind: SenderStrategy
        metadata: {name: s, namespace: shop}
        spec:
          applicationRef: {name: app}

        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("hostile-manifest-");

    public static TheoryData<string, string, string> Cases => new()
    {
        // Nine levels of nine aliases: 9^9 (387 million) strings once expanded.
        { "laughs.yaml", BillionLaughs(), "line 11: YAML aliases expand this document by more than 100,000 nodes" },
        { "deep.yaml", Header + "  x: " + new string('[', 5_000) + new string(']', 5_000) + "\n", "line 6: YAML nested deeper than 100 levels" },
        { "long.yaml", Header + "  priorities: [{senderType: ALPHANUMERIC, priority: 99999999999999999999999}]\n", "line 6: the integer 99999999999999999999999 does not fit in 64 bits" },
        { "int32.yaml", Header + "  priorities: [{senderType: ALPHANUMERIC, priority: 9999999999}]\n", "#0 (line 6): SenderStrategy field spec.priorities[0].priority: The JSON value could not be converted to a 32-bit integer." },
        { "huge-float.yaml", Header + "  priorities: [{senderType: ALPHANUMERIC, priority: 1e999}]\n", "line 6: the number 1e999 is out of range" },
    };

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_names_the_file_the_line_and_the_rule(string file, string content, string expected)
    {
        var path = Write(file, content);
        var output = new StringWriter();

        var exitCode = ValidateCommand.Run([path], output);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{path}{(expected.StartsWith('#') ? "" : ": ")}{expected}", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compile_names_the_file_the_line_and_the_rule(string file, string content, string expected)
    {
        var path = Write(file, content);
        var root = new RootCommand { CompileCommand.Create() };
        var error = new StringWriter();

        var exitCode = root.Parse(["compile", "-f", path]).Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(path, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_cap_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_directory.FullName, "huge.yaml");
        using (var file = File.Create(path))
        {
            file.SetLength(YamlLimits.MaxFileBytes + 1);
        }

        var output = new StringWriter();

        Assert.Equal(1, ValidateCommand.Run([path], output));
        Assert.Contains($"{path}: 16,777,217 bytes is over the 16 MiB a manifest file may have; split it into several files.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_within_the_limit_are_expanded()
    {
        var path = Write("anchors.yaml", """
            apiVersion: cpaasx.io/v1alpha1
            kind: SenderStrategy
            metadata: {name: s, namespace: shop}
            spec:
              applicationRef: &app {name: app}
              priorities: [&first {senderType: ALPHANUMERIC, priority: 1}]
            ---
            apiVersion: cpaasx.io/v1alpha1
            kind: InboundConfiguration
            metadata: {name: i, namespace: shop}
            spec: {resourceRef: {name: main-line}, channel: SMS, applicationRef: {name: app}}
            """);

        var documents = ManifestReader.ReadPath(path);

        Assert.Equal(2, documents.Count);
        Assert.Equal("app", documents[0].Json["spec"]!["applicationRef"]!["name"]!.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string BillionLaughs()
    {
        var lines = new List<string> { "  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var level = 1; level <= 8; level++)
        {
            lines.Add($"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9))}]");
        }

        return Header + string.Join("\n", lines) + "\n";
    }
}
