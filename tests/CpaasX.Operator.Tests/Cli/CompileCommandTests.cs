using System.CommandLine;
using System.Text.Json;

using CpaasX.Operator.Cli;
using CpaasX.Operator.Tests.Support;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Tests.Cli;

/// <summary>The compile subcommand: output shape per namespace count, Ready report on stderr, exit codes.</summary>
public sealed class CompileCommandTests : IDisposable
{
    private const string Undated = """
        apiVersion: cpaasx.io/v1alpha1
        kind: Resource
        metadata: {name: first}
        spec: {type: ALPHA, alpha: {sender: SHOPCO}}
        ---
        apiVersion: cpaasx.io/v1alpha1
        kind: Resource
        metadata: {name: a-second}
        spec: {type: ALPHA, alpha: {sender: SHOPCO}}
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("compile-command-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void One_namespace_writes_the_table_itself()
    {
        var (exitCode, output, error) = Run("compile", "-f", Sample("inbound"));

        Assert.Equal(0, exitCode);
        var table = RoutingTableJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(output));
        Assert.Equal("helpdesk", table.Namespace);
        Assert.Contains("helpdesk/InboundConfiguration/support-line-billing: Ready=True Resolved", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_namespaces_write_an_object_keyed_by_namespace()
    {
        var (exitCode, output, _) = Run("compile", "-f", Sample("inbound"), "-f", Sample("customers"));

        Assert.Equal(0, exitCode);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["helpdesk", "notify-saas"], root.EnumerateObject().Select(property => property.Name));
        Assert.Equal("notify-saas", root.GetProperty("notify-saas").GetProperty("namespace").GetString());
    }

    [Fact]
    public void Output_file_receives_the_bytes_of_routing_json()
    {
        var file = Path.Combine(_directory.FullName, "routing.json");

        var (exitCode, output, _) = Run("compile", "-f", Sample("environments"), "--output", file);

        Assert.Equal(0, exitCode);
        Assert.Empty(output);
        var table = RoutingTableJson.Load(file);
        Assert.Equal(RoutingTableJson.Serialize(table), File.ReadAllBytes(file));
    }

    [Fact]
    public void Objects_without_namespace_go_to_default_and_count_as_created_in_read_order()
    {
        var file = Write("undated.yaml", Undated);

        var (exitCode, _, error) = Run("compile", "-f", file);

        Assert.Equal(0, exitCode);
        Assert.Contains("default/Resource/first: Ready=True Resolved", error, StringComparison.Ordinal);
        Assert.Contains("default/Resource/a-second: Ready=False Duplicate", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_exits_one_when_an_object_is_not_ready()
    {
        var file = Write("undated.yaml", Undated);

        Assert.Equal(CompileCommand.NotReadyExitCode, Run("compile", "-f", file, "--strict").ExitCode);
        Assert.Equal(0, Run("compile", "-f", Sample("inbound"), "--strict").ExitCode);
    }

    [Fact]
    public void Unreadable_input_exits_two()
    {
        var broken = Write("broken.yaml", "kind: [unclosed");

        var (exitCode, output, error) = Run("compile", "-f", broken);

        Assert.Equal(UsageCheckedAction.UsageExitCode, exitCode);
        Assert.Empty(output);
        Assert.Contains("broken.yaml", error, StringComparison.Ordinal);
        Assert.Equal(UsageCheckedAction.UsageExitCode, Run("compile", "-f", Path.Combine(_directory.FullName, "missing")).ExitCode);
    }

    private static string Sample(string set) => RepositoryRoot.Combine("config", "samples", set);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { CompileCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
