using CpaasX.Operator.Cli;
using CpaasX.Operator.Hosting;

namespace CpaasX.Operator.Tests.Hosting;

/// <summary>Which kubeconfig a command uses: the flag, else the KUBECONFIG path list, else in-cluster.</summary>
public sealed class ClusterConnectionTests : IDisposable
{
    private static readonly char Separator = Path.PathSeparator;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cluster-connection-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_unset_or_empty_variable_without_the_flag_means_in_cluster(string? variable)
    {
        Assert.Empty(ClusterConnection.KubeconfigFiles(null, variable));
        Assert.Empty(ClusterConnection.KubeconfigFiles("", variable));
    }

    [Fact]
    public void The_variable_is_a_path_list_without_empty_entries_or_repeats()
    {
        var files = ClusterConnection.KubeconfigFiles(null, $"first{Separator}{Separator} second {Separator}first");

        Assert.Equal(["first", "second"], files);
    }

    [Fact]
    public void The_flag_wins_over_the_variable_and_is_one_file()
    {
        Assert.Equal(["flag.kubeconfig"], ClusterConnection.KubeconfigFiles("flag.kubeconfig", $"first{Separator}second"));
    }

    [Fact]
    public void Missing_files_of_the_list_are_skipped()
    {
        var present = Write("present", "https://present.example:6443");

        var configuration = ClusterConnection.Configure([Path.Combine(_directory.FullName, "missing"), present]);

        Assert.StartsWith("https://present.example:6443", configuration.Host, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_existing_file_is_read()
    {
        var first = Write("first", "https://first.example:6443");
        var second = Write("second", "https://second.example:6443");

        var configuration = ClusterConnection.Configure([first, second]);

        Assert.StartsWith("https://first.example:6443", configuration.Host, StringComparison.Ordinal);
    }

    [Fact]
    public void No_existing_file_is_a_usage_error_naming_them()
    {
        var exception = Assert.Throws<UsageException>(() => ClusterConnection.Configure(["missing-one", "missing-two"]));

        Assert.Contains("KUBECONFIG", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'missing-one', 'missing-two'", exception.Message, StringComparison.Ordinal);
    }

    // A kubeconfig whose cluster, user and context are named after the file.
    private string Write(string name, string server)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            current-context: {name}
            clusters:
            - name: {name}
              cluster:
                server: "{server}"
            users:
            - name: {name}
              user:
                token: {name}-token
            contexts:
            - name: {name}
              context:
                cluster: {name}
                user: {name}
            """);
        return path;
    }
}
