using System.Globalization;
using SearchEngine.Core.Text;

namespace SearchEngine.Core.Analysis;

/// <summary>
/// Finds words the dictionary does not know (names, new terms) in a run of Han characters with a hidden
/// Markov model over the tags B (begin), M (middle), E (end), S (single), decoded by Viterbi. The model's
/// probabilities are jieba's, as cppjieba ships them in plain text (hmm_model.utf8, MIT).
/// </summary>
internal sealed class HmmWordFinder
{
    private const int B = 0, E = 1, M = 2, S = 3;

    /// <summary>Emission score of a character the model never saw in a state: unlikely, not impossible,
    /// so rare characters still get tagged instead of making every path impossible.</summary>
    private const double Unseen = -20.0;

    private static readonly int[] AfterWord = [E, S];
    private static readonly int[] InsideWord = [B, M];

    private readonly double[] _start = new double[4];
    private readonly double[,] _transition = new double[4, 4];
    private readonly Dictionary<char, double>[] _emission = [new(), new(), new(), new()];

    public static HmmWordFinder Default { get; } = new();

    private HmmWordFinder()
    {
        var lines = DataFile.ReadLines("hmm-model.txt", "Analysis.Data").ToList();
        if (lines.Count != 9)
            throw new InvalidDataException($"hmm-model.txt: expected 9 data lines (start, 4 transition rows, 4 emission rows), found {lines.Count}.");
        ParseRow(lines[0], _start);
        for (int from = 0; from < 4; from++)
        {
            var row = new double[4];
            ParseRow(lines[1 + from], row);
            for (int to = 0; to < 4; to++)
                _transition[from, to] = row[to];
        }
        for (int state = 0; state < 4; state++)
        {
            foreach (var pair in lines[5 + state].Split(','))
            {
                int colon = pair.LastIndexOf(':');
                if (colon == 1)
                    _emission[state][pair[0]] = double.Parse(pair.AsSpan(2), CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Splits a run of Han characters into words; appends (start, end) pairs relative to the run.</summary>
    public void Split(ReadOnlySpan<char> run, List<(int Start, int End)> words)
    {
        int n = run.Length;
        if (n == 0)
            return;
        // Viterbi keeps only the scores of the previous character and a back pointer per character and state (a byte):
        // a run the dictionary does not know can be as long as the text, so the table is 4 bytes per character, not 48.
        Span<double> score = stackalloc double[4];
        Span<double> nextScore = stackalloc double[4];
        var back = new byte[n * 4];
        for (int s = 0; s < 4; s++)
            score[s] = _start[s] + Emit(s, run[0]);
        for (int t = 1; t < n; t++)
        {
            for (int s = 0; s < 4; s++)
            {
                double best = double.NegativeInfinity;
                int from = 0;
                foreach (int p in PossiblePrevious(s))
                {
                    double v = score[p] + _transition[p, s];
                    if (v > best)
                        (best, from) = (v, p);
                }
                nextScore[s] = best + Emit(s, run[t]);
                back[t * 4 + s] = (byte)from;
            }
            nextScore.CopyTo(score);
        }
        int state = score[E] >= score[S] ? E : S;
        var tags = new byte[n];
        for (int t = n - 1; t >= 0; t--)
        {
            tags[t] = (byte)state;
            state = back[t * 4 + state];
        }
        int begin = 0;
        for (int t = 0; t < n; t++)
        {
            if (tags[t] == B)
                begin = t;
            else if (tags[t] == E)
                words.Add((begin, t + 1));
            else if (tags[t] == S)
                words.Add((t, t + 1));
        }
        // The final state is E or S, so the run is covered to its end.
    }

    private double Emit(int state, char c) => _emission[state].TryGetValue(c, out double p) ? p : Unseen;

    /// <summary>B and S follow a finished word (E or S); M and E follow an open one (B or M).</summary>
    private static int[] PossiblePrevious(int state) => state is B or S ? AfterWord : InsideWord;

    private static void ParseRow(string line, double[] row)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < 4; i++)
            row[i] = double.Parse(parts[i], CultureInfo.InvariantCulture);
    }
}
