using System.CommandLine;
using System.Text.Json;
using SearchEngine.Core.Analysis;

namespace SearchEngine.Cli.Commands;

/// <summary>`searchengine analyze TEXT [--mode query|index] [--lexicon FILE] [--json]`: how text is tokenized.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "The text to analyse" };
        var mode = new Option<AnalysisMode>("--mode") { Description = "query: the segmentation; index: with sub-words", DefaultValueFactory = _ => AnalysisMode.Query };
        var lexicons = new Option<string[]>("--lexicon") { Description = "Extra lexicon files, one term per line", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print the tokens as JSON" };
        var command = new Command("analyze", "Show the tokens the analyzer makes of a text, with offsets and positions")
        {
            text, mode, lexicons, json,
        };
        command.SetAction(parse =>
        {
            var files = parse.GetValue(lexicons) ?? [];
            var missing = files.Where(f => !File.Exists(f)).ToList();
            if (missing.Count > 0)
            {
                Console.Error.WriteLine($"Lexicon file not found: {string.Join(", ", missing)}");
                return 2;
            }
            var analyzer = files.Length > 0 ? ChineseAnalyzer.WithUserLexicons(files) : ChineseAnalyzer.Default;
            string input = parse.GetValue(text)!;
            var tokens = analyzer.Analyze(input, parse.GetValue(mode));
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(tokens, InspectView.Json));
                return 0;
            }
            Console.WriteLine(string.Join(" | ", tokens.Where(t => t.Kind != TokenKind.SubWord).Select(t => t.Text)));
            foreach (var t in tokens)
                Console.WriteLine($"  {t.Text,-16} {t.Kind,-14} offsets {t.Start}-{t.End} “{input[t.Start..t.End]}”  positions {t.Position}-{t.PositionEnd}");
            return 0;
        });
        return command;
    }
}
