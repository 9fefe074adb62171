using System.CommandLine;

// Each subcommand lives in its own file under Cli/ and is added here, one line each.
var root = new RootCommand("CpaasX.Operator: a CPaaS X messaging set-up declared as Kubernetes custom resources.");
root.Subcommands.Add(CpaasX.Operator.Cli.ApiServerCommand.Create());
return await root.Parse(args).InvokeAsync();
