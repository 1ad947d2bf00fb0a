namespace SearchEngine.Index.Search;

/// <summary>All children match: leapfrog from the rarest child; the score is the sum of the children's.</summary>
internal sealed class ConjunctionMatcher : Matcher
{
    private readonly Matcher[] _children;

    public ConjunctionMatcher(IEnumerable<Matcher> children) => _children = [.. children.OrderBy(c => c.Cost)];

    public override long Cost => _children[0].Cost;

    public override int NextDoc() => Align(_children[0].NextDoc());

    public override int Advance(int target) => Align(_children[0].Advance(target));

    private int Align(int candidate)
    {
        while (candidate != NoMoreDocs)
        {
            bool all = true;
            for (int i = 1; i < _children.Length; i++)
            {
                int d = _children[i].Advance(candidate);
                if (d > candidate)
                {
                    candidate = _children[0].Advance(d);
                    all = false;
                    break;
                }
            }
            if (all)
                return Doc = candidate;
        }
        return Doc = NoMoreDocs;
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

    public override double Score()
    {
        double sum = 0;
        foreach (var c in _children)
        {
            if (c.Doc == Doc)
                sum += c.Score();
        }
        return sum;
    }

    public override double MaxScore()
    {
        double sum = 0;
        foreach (var c in _children)
        {
            if (c.Doc == Doc)
                sum += c.MaxScore();
        }
        return sum;
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
}
