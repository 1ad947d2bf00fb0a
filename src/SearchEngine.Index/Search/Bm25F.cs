using SearchEngine.Search.Model;

namespace SearchEngine.Index.Search;

/// <summary>
/// BM25F, tuned in one place. A term's frequencies in the scoring fields are combined, each weighted and
/// length-normalised by its field, into one pseudo-frequency, which saturates once:
/// score = idf × w·t̃f / (k1 + t̃f), t̃f = Σ_f boost_f × tf_f / (1 − b_f + b_f × len_f / avglen_f), len_f the length
/// its one-byte code stands for (<see cref="LengthNorm"/>).
/// Sub-word fields score at <see cref="SubWordFactor"/> of their text field, so a whole-word match outranks
/// a match inside a longer word; the title and the heading path outrank the body. The parameters were chosen on
/// the judged set benchmarks/relevance/queries.json (nDCG@10, `dotnet run --project benchmarks/SearchEngine.Benchmarks -- relevance`).
/// </summary>
public sealed class Bm25F
{
    public const double K1 = 1.2;
    public const double SubWordFactor = 0.35;

    /// <summary>
    /// Field boosts for title, heading, body, units. The heading path weighs as much as the title (it was 1.5,
    /// Lucene peer's heading^1.5): a section whose heading names the term is about it, while a body may name it
    /// in passing (benchmarks/results/relevance/changes.md: mean nDCG@10 0.8258 → 0.8268).
    /// </summary>
    public static readonly double[] TextFieldBoosts = [2.0, 2.0, 1.0, 1.0];

    /// <summary>
    /// Length normalisation b per field for title, heading, body, units. The body's is 0.5, not the usual 0.75:
    /// a long section of a plan (a 专栏 box, a work report's chapter) covers several topics at length, and
    /// penalising its length fully let a short section naming the term once in a list outrank the long section
    /// that treats it (benchmarks/results/relevance/changes.md: mean nDCG@10 0.8026 → 0.8258).
    /// </summary>
    public static readonly double[] TextFieldB = [0.75, 0.75, 0.5, 0.75];

    private readonly double[] _boost = new double[IndexFields.ScoringFieldCount];

    /// <summary>Bit f set when scoring field f counts (its boost is not 0).</summary>
    private readonly int _boosted;

    /// <summary>
    /// Per text field and length code (<see cref="LengthNorm"/>), the inverse of the length normalisation
    /// 1 − b + b × length / average: a section's part is a product and a table lookup, not a division.
    /// </summary>
    private readonly double[] _inverseNorm = new double[IndexFields.TextFieldCount * 256];

    /// <param name="averageLength">Average whole-word length of each text field over the live sections.</param>
    /// <param name="fieldMask">Which scoring fields count (a title: query counts only the title's two).</param>
    public Bm25F(double[] averageLength, int fieldMask)
    {
        for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
        {
            int text = f % IndexFields.TextFieldCount;
            _boost[f] = (fieldMask & (1 << f)) == 0 ? 0 : TextFieldBoosts[text] * (f >= IndexFields.TextFieldCount ? SubWordFactor : 1);
            if (_boost[f] != 0)
                _boosted |= 1 << f;
        }
        for (int t = 0; t < IndexFields.TextFieldCount; t++)
        {
            double perToken = TextFieldB[t] / Math.Max(averageLength[t], 1e-9);
            for (int code = 0; code < 256; code++)
                _inverseNorm[(t * 256) + code] = 1 / (1 - TextFieldB[t] + (perToken * LengthNorm.Decode((byte)code)));
        }
    }

    /// <summary>Robertson–Spärck Jones idf with Lucene's +1 inside the log, so it is never negative.</summary>
    public static double Idf(long docFrequency, long documentCount) =>
        Math.Log(1 + ((documentCount - docFrequency + 0.5) / (docFrequency + 0.5)));

    /// <summary>The pseudo-frequency t̃f of a section given its term frequencies and its fields' length codes.</summary>
    public double PseudoFrequency(ReadOnlySpan<int> tf, ReadOnlySpan<byte> norms)
    {
        double sum = 0;
        for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
        {
            if (tf[f] == 0 || _boost[f] == 0)
                continue;
            sum += Part(f, tf[f], norms[f % IndexFields.TextFieldCount]);
        }
        return sum;
    }

    /// <summary>
    /// The same sum over only the fields in <paramref name="present"/> (bit f set where tf[f] may be non-zero, as a
    /// posting's field mask says): a posting holds a term in one or two of the eight scoring fields, and testing all
    /// eight was most of the cost of scoring a section. Equal to <see cref="PseudoFrequency(ReadOnlySpan{int}, ReadOnlySpan{byte})"/>,
    /// fields added in the same order.
    /// </summary>
    public double PseudoFrequency(ReadOnlySpan<int> tf, ReadOnlySpan<byte> norms, int present)
    {
        double sum = 0;
        for (int fields = present & _boosted; fields != 0; fields &= fields - 1)
        {
            int f = System.Numerics.BitOperations.TrailingZeroCount(fields);
            if (tf[f] != 0)
                sum += Part(f, tf[f], norms[f >= IndexFields.TextFieldCount ? f - IndexFields.TextFieldCount : f]);
        }
        return sum;
    }

    /// <summary>
    /// What one scoring field adds to the pseudo-frequency at most, given a frequency it does not exceed and a length
    /// code its text field does not fall below (a block's maxima and minima): 0 for a field that does not count.
    /// </summary>
    public double FieldBound(int field, int maxTf, byte minNorm) =>
        _boost[field] == 0 || maxTf == 0 ? 0 : Part(field, maxTf, minNorm);

    /// <summary>
    /// Scoring field <paramref name="field"/>'s share of the pseudo-frequency: its boost times its frequency times its
    /// text field's inverse length normalisation. One formula and one table for scores and bounds, so a bound is the
    /// same arithmetic on larger frequencies and smaller codes and cannot fall below the score it bounds.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private double Part(int field, int tf, byte norm)
    {
        int text = field >= IndexFields.TextFieldCount ? field - IndexFields.TextFieldCount : field;
        return _boost[field] * tf * _inverseNorm[(text * 256) + norm];
    }

    /// <summary>Saturation: the share of the idf a pseudo-frequency earns.</summary>
    public static double Saturate(double pseudoFrequency) => pseudoFrequency / (K1 + pseudoFrequency);
}
