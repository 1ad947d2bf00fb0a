using Lucene.Net.Search;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// The required words of a query whose words must all match, each as typed with its query and its weight (idf, so
/// rare words weigh most), and the excluded part: what a search may relax when no section holds every word.
/// </summary>
internal sealed record RelaxableWords(IReadOnlyList<RelaxableWords.Word> Words, Query? Excluded)
{
    public static RelaxableWords None { get; } = new([], null);

    public sealed record Word(string Label, Query Query, double Weight);
}
