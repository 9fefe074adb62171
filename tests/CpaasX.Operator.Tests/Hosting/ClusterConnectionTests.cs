using CpaasX.Operator.Hosting;

namespace CpaasX.Operator.Tests.Hosting;

/// <summary>Which kubeconfig a command uses: the flag, else the KUBECONFIG path list, else ~/.kube/config, else in-cluster.</summary>
public sealed class ClusterConnectionTests : IDisposable
{
    private static readonly char Separator = Path.PathSeparator;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cluster-connection-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_unset_or_empty_variable_without_the_flag_or_a_home_kubeconfig_means_in_cluster(string? variable)
    {
        Assert.Empty(ClusterConnection.KubeconfigFiles(null, variable, null));
        Assert.Empty(ClusterConnection.KubeconfigFiles("", variable, _directory.FullName));
    }

    [Fact]
    public void Without_flag_and_variable_the_home_kubeconfig_is_read_as_kubectl_does()
    {
        var home = Directory.CreateDirectory(Path.Combine(_directory.FullName, "home", ".kube")).Parent!.FullName;
        var defaultFile = Write(Path.Combine("home", ".kube", "config"), "https://home.example:6443");

        Assert.Equal([defaultFile], ClusterConnection.KubeconfigFiles(null, " ", home));
        Assert.Equal(["listed"], ClusterConnection.KubeconfigFiles(null, "listed", home));
        Assert.Equal(["flag.kubeconfig"], ClusterConnection.KubeconfigFiles("flag.kubeconfig", null, home));
    }

    [Fact]
    public void A_named_context_is_used_instead_of_the_current_one_with_its_namespace()
    {
        var path = Write("two-contexts", "https://current.example:6443");
        File.AppendAllText(path, Environment.NewLine + """
            - name: other
              context:
                cluster: two-contexts
                user: two-contexts
                namespace: shop
            """);

        Assert.Null(ClusterConnection.Configure([path]).Namespace);
        Assert.Equal("shop", ClusterConnection.Configure([path], "other").Namespace);
    }

    [Fact]
    public void The_variable_is_a_path_list_without_empty_entries_or_repeats()
    {
        var files = ClusterConnection.KubeconfigFiles(null, $"first{Separator}{Separator} second {Separator}first", null);

        Assert.Equal(["first", "second"], files);
    }

    [Fact]
    public void The_flag_wins_over_the_variable_and_is_one_file()
    {
        Assert.Equal(["flag.kubeconfig"], ClusterConnection.KubeconfigFiles("flag.kubeconfig", $"first{Separator}second", null));
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

    [Fact]
    public void A_context_the_file_lacks_or_a_file_that_is_no_kubeconfig_is_a_usage_error_naming_the_file()
    {
        var path = Write("one-context", "https://one.example:6443");
        var broken = Path.Combine(_directory.FullName, "broken");
        File.WriteAllText(broken, "not: [a kubeconfig");

        var missingContext = Assert.Throws<UsageException>(() => ClusterConnection.Configure([path], "nope"));
        var notKubeconfig = Assert.Throws<UsageException>(() => ClusterConnection.Configure([broken]));

        Assert.Contains($"kubeconfig '{path}'", missingContext.Message, StringComparison.Ordinal);
        Assert.Contains("nope", missingContext.Message, StringComparison.Ordinal);
        Assert.Contains($"kubeconfig '{broken}'", notKubeconfig.Message, StringComparison.Ordinal);
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
