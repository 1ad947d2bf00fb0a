using System.CommandLine;
using SearchEngine.Cli.Commands;

Console.OutputEncoding = System.Text.Encoding.UTF8;
var root = new RootCommand("searchengine — full-text search over Chinese policy documents")
{
    InspectCommand.Create(),
    AnalyzeCommand.Create(),
    IndexCommand.Create(),
    SearchCommand.Create(),
};
return root.Parse(args).Invoke();
