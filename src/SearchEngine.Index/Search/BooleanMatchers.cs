namespace SearchEngine.Index.Search;

/// <summary>
/// All children match: leapfrog from the rarest child; the score is the sum of the children's. A child with an
/// <see cref="Matcher.Approximation"/> (a phrase) takes part in the leapfrog through it and confirms only the
/// sections all the others match.
/// </summary>
internal sealed class ConjunctionMatcher : Matcher
{
    private readonly Matcher[] _children;

    /// <summary>What the leapfrog advances: each child, or its approximation; rarest first.</summary>
    private readonly Matcher[] _iterators;

    /// <summary>Children to confirm on a section all iterators agree on.</summary>
    private readonly Matcher[] _confirming;

    public ConjunctionMatcher(IEnumerable<Matcher> children)
    {
        _children = [.. children];
        _iterators = [.. _children.Select(c => c.Approximation ?? c).OrderBy(c => c.Cost)];
        _confirming = [.. _children.Where(c => c.Approximation is not null)];
        _partBounds = new double[_children.Length];
        _order = [.. Enumerable.Range(0, _children.Length)];
    }

    /// <summary>
    /// Children in the order their exact section bounds are asked in: the largest fields bound first, as its exact
    /// score can take the most off the total (a rare word's idf, a phrase's two), and the common words after it are
    /// often not scored at all. Sorted per section; a conjunction has a handful of parts.
    /// </summary>
    private readonly int[] _order;

    public override long Cost => _iterators[0].Cost;

    public override int NextDoc() => Align(_iterators[0].NextDoc());

    public override int Advance(int target) => Align(_iterators[0].Advance(target));

    private int Align(int candidate)
    {
        while (candidate != NoMoreDocs)
        {
            bool all = true;
            for (int i = 1; i < _iterators.Length; i++)
            {
                int d = _iterators[i].Advance(candidate);
                if (d > candidate)
                {
                    candidate = _iterators[0].Advance(d);
                    all = false;
                    break;
                }
            }
            if (all && Confirmed())
                return Doc = candidate;
            if (all)
                candidate = _iterators[0].NextDoc();
        }
        return Doc = NoMoreDocs;
    }

    private bool Confirmed()
    {
        foreach (var c in _confirming)
        {
            if (!c.ConfirmApproximation())
                return false;
        }
        return true;
    }

    public override double Score()
    {
        double sum = 0;
        foreach (var c in _children)
            sum += c.Score();
        return sum;
    }

    public override double MaxScore()
    {
        double sum = 0;
        foreach (var c in _children)
            sum += c.MaxScore();
        return sum;
    }

    /// <summary>
    /// The block bound with the children's section bounds put in one by one, stopping once it cannot matter: of two
    /// common words whose block maxima together pass the bar, the first word's exact score in the section is often
    /// low enough that the second need not be scored (a conjunction of 发展 产业 matches 295,000 sections).
    /// </summary>
    public override double SectionMaxScore(double bar)
    {
        double bound = 0;
        var parts = _partBounds;
        for (int i = 0; i < _children.Length; i++)
            bound += parts[i] = _children[i].MaxScore();
        // Every child's fields bound before any child's exact score: a phrase found only in the body can spare the
        // other words' frequencies and lengths.
        for (int i = 0; i < _children.Length; i++)
        {
            if (BoundedBy(bound, bar))
                return bound;
            double fields = _children[i].SectionFieldsBound();
            bound += fields - parts[i];
            parts[i] = fields;
        }
        var order = _order;
        for (int k = 1; k < order.Length; k++)
        {
            int i = order[k], j = k - 1;
            for (; j >= 0 && parts[order[j]] < parts[i]; j--)
                order[j + 1] = order[j];
            order[j + 1] = i;
        }
        foreach (int i in order)
        {
            if (BoundedBy(bound, bar))
                return bound;
            bound += _children[i].SectionMaxScore(bar - (bound - parts[i])) - parts[i];
        }
        return bound;
    }

    public override double SectionFieldsBound()
    {
        double bound = 0;
        foreach (var c in _children)
            bound += c.SectionFieldsBound();
        return bound;
    }

    /// <summary>Each child's current bound on the section (block, then fields, then exact) while its bound is narrowed.</summary>
    private readonly double[] _partBounds;
}

/// <summary>Any child matches; the score is the sum over the children on the current section.</summary>
internal sealed class DisjunctionMatcher : Matcher
{
    private readonly Matcher[] _children;

    public DisjunctionMatcher(IEnumerable<Matcher> children) => _children = [.. children];

    public override long Cost => _children.Sum(c => c.Cost);

    public override int NextDoc()
    {
        int target = Doc + 1;
        return Advance(target);
    }

    public override int Advance(int target)
    {
        int min = NoMoreDocs;
        foreach (var c in _children)
        {
            int d = c.Doc < target ? c.Advance(target) : c.Doc;
            if (d < min)
                min = d;
        }
        return Doc = min;
    }

    public override double Score() => SumOnSection(Part.Score);

    public override double MaxScore() => SumOnSection(Part.BlockBound);

    public override double SectionFieldsBound() => SumOnSection(Part.FieldsBound);

    private enum Part { Score, BlockBound, FieldsBound }

    /// <summary>The sum of one part (score or bound) over the children on the current section; inlined, so each caller's part is a constant.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private double SumOnSection(Part part)
    {
        double sum = 0;
        foreach (var c in _children)
        {
            if (c.Doc == Doc)
                sum += part switch { Part.Score => c.Score(), Part.BlockBound => c.MaxScore(), _ => c.SectionFieldsBound() };
        }
        return sum;
    }

    /// <summary>As a conjunction's: the children on the section put in one by one, stopping once the bound cannot matter.</summary>
    public override double SectionMaxScore(double bar)
    {
        double bound = MaxScore();
        foreach (var c in _children)
        {
            if (BoundedBy(bound, bar))
                return bound;
            if (c.Doc == Doc)
            {
                double block = c.MaxScore();
                bound += c.SectionMaxScore(bar - (bound - block)) - block;
            }
        }
        return bound;
    }
}

/// <summary>The required child matches and the excluded one does not.</summary>
internal sealed class ExclusionMatcher(Matcher required, Matcher excluded) : Matcher
{
    public override long Cost => required.Cost;

    public override int NextDoc() => Skip(required.NextDoc());

    public override int Advance(int target) => Skip(required.Advance(target));

    private int Skip(int candidate)
    {
        while (candidate != NoMoreDocs && excluded.Advance(candidate) == candidate)
            candidate = required.NextDoc();
        return Doc = candidate;
    }

    public override double Score() => required.Score();

    public override double MaxScore() => required.MaxScore();

    public override double SectionMaxScore(double bar) => required.SectionMaxScore(bar);

    public override double SectionFieldsBound() => required.SectionFieldsBound();
}
