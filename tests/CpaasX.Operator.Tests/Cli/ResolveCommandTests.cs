using System.CommandLine;
using System.IO.Compression;
using System.Text.Json;

using CpaasX.Operator.Cli;
using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

namespace CpaasX.Operator.Tests.Cli;

/// <summary>The resolve subcommands: output shape and exit codes, against a table file written by the routing library.</summary>
public sealed class ResolveCommandTests : IDisposable
{
    private static readonly SenderResource MainLine = new("main-line", ResourceType.Number, "+12015550101", NumberType.VirtualLongNumber, "US");

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("resolve-command-");
    private readonly string _tablePath;

    public ResolveCommandTests()
    {
        var table = new RoutingTableBuilder("shop")
            .AddAssociation("main-line-sms", MainLine, Channel.Sms, "checkout-prod", null)
            .AddInboundResource(MainLine, [Channel.Sms], applicationId: "checkout-prod")
            .AddInboundConfiguration("acme-stop", MainLine.Name, Channel.Sms, "STOP", "support", "acme")
            .Build();
        _tablePath = Path.Combine(_directory.FullName, "routing.json");
        File.WriteAllBytes(_tablePath, RoutingTableJson.Serialize(table));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Outbound_routed_prints_the_sender_level_strategy_and_the_explanation()
    {
        var (exitCode, output, _) = Run("resolve", "outbound", "--routing", _tablePath, "--application", "checkout-prod", "--channel", "sms", "--to", "+13125550000");

        Assert.Equal(0, exitCode);
        var answer = JsonDocument.Parse(output).RootElement;
        Assert.Equal("+12015550101", answer.GetProperty("sender").GetString());
        Assert.Equal("main-line", answer.GetProperty("resource").GetString());
        Assert.Equal("Application", answer.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("strategy").ValueKind);
        Assert.NotEqual(0, answer.GetProperty("explanation").GetArrayLength());
    }

    [Fact]
    public void Outbound_without_a_sender_exits_3_with_the_reason()
    {
        var (exitCode, output, _) = Run("resolve", "outbound", "--routing", _tablePath, "--application", "other", "--channel", "SMS", "--to", "+13125550000");

        Assert.Equal(ResolveCommand.NoRouteExitCode, exitCode);
        var answer = JsonDocument.Parse(output).RootElement;
        Assert.Equal("NoSender", answer.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("message").GetString()));
    }

    [Fact]
    public void Inbound_keyword_prints_the_route_source_and_the_keyword()
    {
        var (exitCode, output, _) = Run("resolve", "inbound", "--routing", _tablePath, "--number", "+12015550101", "--channel", "SMS", "--text", "stop it");

        Assert.Equal(0, exitCode);
        var answer = JsonDocument.Parse(output).RootElement;
        Assert.Equal("support", answer.GetProperty("applicationId").GetString());
        Assert.Equal("acme", answer.GetProperty("entityId").GetString());
        Assert.Equal("InboundConfiguration/acme-stop", answer.GetProperty("source").GetString());
        Assert.Equal("STOP", answer.GetProperty("keyword").GetString());
    }

    [Fact]
    public void Inbound_voice_without_an_association_exits_3()
    {
        var (exitCode, output, _) = Run("resolve", "inbound", "--routing", _tablePath, "--number", "+12015550101", "--channel", "VOICE");

        Assert.Equal(ResolveCommand.NoRouteExitCode, exitCode);
        Assert.Equal("VoiceRequiresAssociation", JsonDocument.Parse(output).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Reads_a_gzipped_table()
    {
        var gzipPath = _tablePath + ".gz";
        using (var gzip = new GZipStream(File.Create(gzipPath), CompressionLevel.Fastest))
        {
            gzip.Write(File.ReadAllBytes(_tablePath));
        }

        var (exitCode, output, _) = Run("resolve", "inbound", "--routing", gzipPath, "--number", "+12015550101", "--channel", "SMS");

        Assert.Equal(0, exitCode);
        Assert.Equal("Resource/main-line", JsonDocument.Parse(output).RootElement.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("resolve", "outbound", "--routing", "TABLE", "--application", "checkout-prod", "--channel", "SMS")]
    [InlineData("resolve", "outbound", "--routing", "TABLE", "--application", "checkout-prod", "--channel", "FAX", "--to", "+13125550000")]
    [InlineData("resolve", "inbound", "--routing", "TABLE", "--number", "+12015550101", "--channel", "SMS", "--bogus")]
    [InlineData("resolve", "inbound", "--routing", "missing.json", "--number", "+12015550101", "--channel", "SMS")]
    public void BadUsageExitsTwoWithAMessageOnStderr(params string[] args)
    {
        var (exitCode, output, error) = Run([.. args.Select(a => a == "TABLE" ? _tablePath : a)]);

        Assert.Equal(UsageCheckedAction.UsageExitCode, exitCode);
        Assert.Empty(output);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { ResolveCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
