namespace SearchEngine.Index.Search;

/// <summary>
/// Iterates the sections of one segment that match a clause, in increasing order, and scores the current one.
/// The classic document-at-a-time interface: <see cref="NextDoc"/>, <see cref="Advance"/> to skip ahead.
/// </summary>
internal abstract class Matcher
{
    public const int NoMoreDocs = Postings.PostingsCursor.NoMoreDocs;

    /// <summary>The current section, -1 before the first call, <see cref="NoMoreDocs"/> at the end.</summary>
    public int Doc { get; protected set; } = -1;

    /// <summary>Roughly how many sections it matches, to lead a conjunction with the rarest.</summary>
    public abstract long Cost { get; }

    public abstract int NextDoc();

    /// <summary>Moves to the first matching section ≥ target.</summary>
    public abstract int Advance(int target);

    /// <summary>The score of the current section; call only when positioned on a match.</summary>
    public abstract double Score();

    /// <summary>
    /// An upper bound of <see cref="Score"/> for the current section, from block statistics: when it cannot beat
    /// the weakest kept hit, the section is counted without being scored (dynamic pruning).
    /// </summary>
    public abstract double MaxScore();

    /// <summary>
    /// A bound at most <see cref="MaxScore"/>, narrowed by what the section shows without scoring it (the fields its
    /// terms occur in): asked only where the block's bound could matter, as it costs a read per section. A matcher
    /// of several parts narrows part by part and may stop as soon as its bound is at most <paramref name="bar"/>, the
    /// score a section must exceed to matter (−∞ when any may): the rest of the work cannot change the answer.
    /// </summary>
    public virtual double SectionMaxScore(double bar) => MaxScore();

    /// <summary>
    /// A bound between <see cref="SectionMaxScore"/> and <see cref="MaxScore"/> that costs no more than reading the
    /// section's field masks (see <see cref="FieldMaskBound"/>): a matcher of several parts asks every part for it
    /// before it asks any part for its exact score, so one part's masks can spare the others' frequencies.
    /// </summary>
    public virtual double SectionFieldsBound() => MaxScore();

    /// <summary>
    /// Two-phase matching (Lucene's TwoPhaseIterator): a matcher whose match is costly to confirm (a phrase reads
    /// positions) offers a cheaper iterator over a superset of its sections; a conjunction leapfrogs over that and
    /// calls <see cref="ConfirmApproximation"/> only on sections every other child also matches, instead of the
    /// phrase confirming every candidate it passes on its own. Null for a matcher that confirms nothing.
    /// </summary>
    public virtual Matcher? Approximation => null;

    /// <summary>
    /// Whether a bound cannot beat <paramref name="bar"/>, with the rounding margin <see cref="HitCollector.CanMatter"/> allows.
    /// </summary>
    protected static bool BoundedBy(double bound, double bar) => bound * HitCollector.RoundingMargin <= bar;

    /// <summary>With <see cref="Approximation"/> positioned on a section: whether this matcher matches it (and then it is current).</summary>
    public virtual bool ConfirmApproximation() => true;
}

/// <summary>Matches nothing (a term absent from the segment).</summary>
internal sealed class EmptyMatcher : Matcher
{
    public static readonly EmptyMatcher Instance = new();

    private EmptyMatcher() => Doc = NoMoreDocs;

    public override long Cost => 0;

    public override int NextDoc() => NoMoreDocs;

    public override int Advance(int target) => NoMoreDocs;

    public override double Score() => 0;

    public override double MaxScore() => 0;
}

/// <summary>Matches every section of the segment with score 0 (a query of filters only).</summary>
internal sealed class AllSectionsMatcher(int sectionCount) : Matcher
{
    public override long Cost => sectionCount;

    public override int NextDoc() => Doc = Doc + 1 < sectionCount ? Doc + 1 : NoMoreDocs;

    public override int Advance(int target) => Doc = target < sectionCount ? Math.Max(target, Doc) : NoMoreDocs;

    public override double Score() => 0;

    public override double MaxScore() => 0;
}
