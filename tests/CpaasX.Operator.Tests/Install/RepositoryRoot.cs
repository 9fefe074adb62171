namespace CpaasX.Operator.Tests.Install;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries holding the solution file.</summary>
public static class RepositoryRoot
{
    private const string SolutionFile = "CpaasX.Operator.sln";

    public static string Path { get; } = Find();

    public static string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
