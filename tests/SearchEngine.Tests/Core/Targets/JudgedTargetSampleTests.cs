using SearchEngine.Benchmarks.Targets;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Targets;
using SearchEngine.Ingestion.Pipeline;

namespace SearchEngine.Tests.Core.Targets;

/// <summary>
/// The extractor against the judged samples (benchmarks/targets/*.json) of the seeds and ../shared/realdocs: the
/// floors sit a little under what `dotnet run --project benchmarks/SearchEngine.Benchmarks -- targets` measures, so a
/// change that loses goals or finds false ones fails here before it reaches the report.
/// </summary>
public class JudgedTargetSampleTests
{
    private static readonly Lazy<TargetScore> Judged = new(() => Score("judged.json"));

    [Fact]
    public void Should_find_the_sentences_that_set_goals_and_no_others()
    {
        var score = Judged.Value;
        Assert.True(score.SentencePrecision >= 0.95, $"sentence precision {score.SentencePrecision:F3}: {Errors(score)}");
        Assert.True(score.SentenceRecall >= 0.88, $"sentence recall {score.SentenceRecall:F3}: {Errors(score)}");
    }

    [Fact]
    public void Should_give_the_judged_records_with_their_fields()
    {
        var score = Judged.Value;
        Assert.True(score.RecordPrecision >= 0.93, $"record precision {score.RecordPrecision:F3}: {Errors(score)}");
        Assert.True(score.RecordRecall >= 0.88, $"record recall {score.RecordRecall:F3}: {Errors(score)}");
        Assert.True(score.KindAccuracy >= 0.97 && score.ComparisonAccuracy >= 0.97 && score.YearAccuracy >= 0.95,
            $"kind {score.KindAccuracy:F3}, comparison {score.ComparisonAccuracy:F3}, year {score.YearAccuracy:F3}");
    }

    [Fact]
    public void Should_hold_on_the_held_out_sample_no_rule_was_corrected_on()
    {
        var score = Score("holdout.json");
        Assert.True(score.SentencePrecision >= 0.85 && score.SentenceRecall >= 0.85,
            $"sentence precision {score.SentencePrecision:F3}, recall {score.SentenceRecall:F3}: {Errors(score)}");
        Assert.True(score.RecordPrecision >= 0.9 && score.RecordRecall >= 0.85,
            $"record precision {score.RecordPrecision:F3}, recall {score.RecordRecall:F3}: {Errors(score)}");
    }

    [Fact]
    public void Should_find_every_judged_sentence_in_its_file()
    {
        var missing = Judged.Value.Outcomes.Where(o => !o.Read).Select(o => o.Judged.Source).Distinct().ToList();
        Assert.True(missing.Count == 0, $"unreadable sources: {string.Join(", ", missing)}");
    }

    internal static TargetScore Score(string file)
    {
        string root = Support.Seeds.RepositoryRoot;
        var sample = TargetSample.Load(Path.Combine(root, "benchmarks", "targets", file));
        var ingester = new PolicyFileIngester();
        var documents = new Dictionary<string, IReadOnlyList<PlanTarget>?>(StringComparer.Ordinal);
        foreach (string source in sample.Sentences.Select(s => s.Source).Distinct())
        {
            string path = TargetSample.FileOf(source, root);
            var (document, _) = ingester.IngestFile(path, Path.GetFileName(path));
            documents[source] = document is null ? null : PlanTargetExtractor.Extract(document);
        }
        return TargetEvaluator.Score(sample, s => documents[s.Source]);
    }

    private static string Errors(TargetScore score) => string.Join(" | ", score.Outcomes
        .Where(o => o.Judged.IsTarget != o.FoundGoal || o.Missed.Count > 0 || o.Extra.Count > 0)
        .Take(8).Select(o => $"{o.Judged.Source} §{o.Judged.Section} {o.Judged.Sentence[..Math.Min(40, o.Judged.Sentence.Length)]}"));
}
