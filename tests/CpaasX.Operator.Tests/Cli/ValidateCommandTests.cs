using CpaasX.Operator.Cli;
using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.Cli;

public sealed class ValidateCommandTests
{
    [Fact]
    public void Samples_validate_cleanly()
    {
        StringWriter output = new();

        var exitCode = ValidateCommand.Run([RepositoryRoot.Combine("config", "samples")], output);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^[1-9][0-9]* cpaasx\.io objects, 0 invalid$", output.ToString().Trim());
    }

    [Fact]
    public void Broken_manifests_fail_with_their_paths_and_a_count()
    {
        StringWriter output = new();
        var folder = Path.Combine(AppContext.BaseDirectory, "BrokenManifests");

        var exitCode = ValidateCommand.Run([folder, Path.Combine(folder, "absent.yaml")], output);

        Assert.Equal(1, exitCode);
        var text = output.ToString();
        Assert.Contains("number-not-e164.yaml#0 (Resource main-line): spec.number.number: must be E.164", text, StringComparison.Ordinal);
        Assert.Contains("or a short code (3 to 8 digits); write \"+12015550101\"", text, StringComparison.Ordinal);
        Assert.Contains("absent.yaml: no such file or folder.", text, StringComparison.Ordinal);
        var brokenFiles = Directory.GetFiles(folder, "*.yaml").Length;
        Assert.EndsWith($"{brokenFiles} cpaasx.io objects, {brokenFiles + 1} invalid", text.Trim(), StringComparison.Ordinal);
    }
}
