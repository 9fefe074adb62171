namespace CpaasX.Operator.Local;

/// <summary>Finds the repository's config/ folder (the one holding crds/): given, or in the working folder or a folder above it.</summary>
internal static class ConfigFolder
{
    public static string Find(string? given, string workingFolder)
    {
        if (given is not null)
        {
            return Directory.Exists(Path.Combine(given, "crds"))
                ? Path.GetFullPath(given)
                : throw new UsageException($"--config-dir: '{given}' has no crds/ folder.");
        }

        for (var folder = new DirectoryInfo(workingFolder); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "config");
            if (Directory.Exists(Path.Combine(candidate, "crds")))
            {
                return candidate;
            }
        }

        throw new UsageException($"No config/crds folder in '{workingFolder}' or above it: run from the repository, or pass --config-dir.");
    }
}
