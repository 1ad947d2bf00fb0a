using System.CommandLine;
using SearchEngine.Cli;
using SearchEngine.Cli.Commands;
using Spectre.Console;

Console.OutputEncoding = System.Text.Encoding.UTF8;
// Output going to a file or a pipe gets plain text: no colours, cursor moves or progress bars in the log.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
    });
    AnsiConsole.Console.Profile.Width = 4096; // a log line is not wrapped at 80 columns
}
var root = new RootCommand("searchengine — full-text search over Chinese policy documents")
{
    InspectCommand.Create(),
    AnalyzeCommand.Create(),
    IndexCommand.Create(),
    MergeCommand.Create(),
    SearchCommand.Create(),
    TargetsCommand.Create(),
};
return ExpectedErrors.Run(() => root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
