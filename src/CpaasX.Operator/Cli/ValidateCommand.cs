using System.CommandLine;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.Validation;

namespace CpaasX.Operator.Cli;

/// <summary><c>validate -f PATH...</c>: checks manifests offline with the same rules the CRDs carry.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        Option<string[]> files = new("--filename", "-f")
        {
            Description = "A manifest file or a folder of them (read recursively); repeatable.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        Command command = new("validate", "Validate cpaasx.io manifests against the schema and CEL rules of the CRDs, without a cluster.") { files };
        command.SetAction(parse => Run(parse.GetValue(files)!, Console.Out));
        return command;
    }

    /// <summary>Prints every violation; returns 0 when all cpaasx.io objects are valid, 1 otherwise.</summary>
    public static int Run(IEnumerable<string> paths, TextWriter output)
    {
        var objects = 0;
        var invalid = 0;
        foreach (var path in paths)
        {
            IReadOnlyList<ManifestDocument> documents;
            try
            {
                documents = ManifestReader.ReadPath(path);
            }
            catch (ManifestException exception)
            {
                output.WriteLine(exception.Message);
                invalid++;
                continue;
            }

            foreach (var document in documents.Where(document => document.Resource is not null))
            {
                objects++;
                var errors = ObjectValidator.Validate(document.Resource!);
                invalid += errors.Count > 0 ? 1 : 0;
                foreach (var error in errors)
                {
                    output.WriteLine($"{document}: {error}");
                }
            }
        }

        output.WriteLine($"{objects} cpaasx.io objects, {invalid} invalid");
        return invalid == 0 ? 0 : 1;
    }
}
