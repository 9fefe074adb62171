using System.CommandLine;

using CpaasX.Operator.Cli;

// Each subcommand lives in its own file under Cli/ and is added here, one line each.
var root = new RootCommand("CpaasX.Operator: a CPaaS X messaging set-up declared as Kubernetes custom resources.");
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(ResolveCommand.Create());
root.Subcommands.Add(RoutingSidecarCommand.Create());
root.Subcommands.Add(CompileCommand.Create());
root.Subcommands.Add(DiffCommand.Create());
root.Subcommands.Add(ApiServerCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(LocalCommand.Create());
root.Subcommands.Add(ConsoleCommand.Create());
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = RunCommand.ShutdownTimeout });
