using TagCenter.Cli;
using TagCenter.Cli.Console;

ConsoleOutput.Configure();
return await CliApp.RunAsync(args);
