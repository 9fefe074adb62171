namespace CpaasX.Operator.Tests.Support;

/// <summary>Finds the repository by walking up from the test binaries to the folder holding the solution.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CpaasX.Operator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CpaasX.Operator.sln not found above " + AppContext.BaseDirectory);
    }
}
