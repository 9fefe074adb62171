using System.CommandLine;

using CpaasX.Operator.Cli;

namespace CpaasX.Operator.Tests.Cli;

public sealed class RunCommandTests
{
    [Theory]
    [InlineData("--workers", "0", "--workers")]
    [InlineData("--log-format", "xml", "--log-format")]
    [InlineData("--kubeconfig", "no-such-kubeconfig", "no-such-kubeconfig")]
    public async Task Invalid_values_exit_with_2_and_say_why(string flag, string value, string named)
    {
        var error = new StringWriter();

        var exitCode = await RunCommand.Create(_ => null).Parse([flag, value]).InvokeAsync(new InvocationConfiguration { Error = error });

        Assert.Equal(2, exitCode);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "No cluster")]
    [InlineData("", "No cluster")]
    [InlineData("no-such-kubeconfig", "'no-such-kubeconfig'")]
    public async Task Without_a_cluster_the_kubeconfig_variable_decides_the_error(string? kubeconfig, string said)
    {
        var error = new StringWriter();

        var exitCode = await RunCommand.Create(name => name == "KUBECONFIG" ? kubeconfig : null).Parse([]).InvokeAsync(new InvocationConfiguration { Error = error });

        Assert.Equal(2, exitCode);
        Assert.Contains(said, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_environment_value_exits_with_2()
    {
        var error = new StringWriter();

        var exitCode = await RunCommand.Create(name => name == "CPAASX_LEADER_ELECT" ? "maybe" : null).Parse([]).InvokeAsync(new InvocationConfiguration { Error = error });

        Assert.Equal(2, exitCode);
        Assert.Contains("CPAASX_LEADER_ELECT", error.ToString(), StringComparison.Ordinal);
    }
}
