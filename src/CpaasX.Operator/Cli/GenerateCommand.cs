using System.CommandLine;

using CpaasX.Operator.Api.Schema;

namespace CpaasX.Operator.Cli;

/// <summary><c>generate crds --output DIR</c>: writes the CRDs generated from the C# API types.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        Option<DirectoryInfo> output = new("--output", "-o")
        {
            Description = "Folder to write the CRD files and kustomization.yaml into.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("config", "crds")),
        };
        Command crds = new("crds", "Write one CustomResourceDefinition per kind plus a kustomization.yaml.") { output };
        crds.SetAction(parse =>
        {
            foreach (var file in CrdGenerator.Write(parse.GetValue(output)!.FullName))
            {
                Console.WriteLine($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, file)}");
            }

            return 0;
        });
        return new Command("generate", "Generate files from the C# API types.") { crds };
    }
}
