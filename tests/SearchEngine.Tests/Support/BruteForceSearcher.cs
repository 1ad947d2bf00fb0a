using SearchEngine.Core.Analysis;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Tests.Support;

/// <summary>
/// The oracle: the same scoring and matching written the plainest way, by scanning every section of a
/// snapshot's stored documents, re-analysing their fields, with no postings, blocks or skipping.
/// </summary>
internal sealed class BruteForceSearcher
{
    internal sealed record Section(int Segment, int SectionOrd, DocumentRecord Document, SectionRecord Record, List<Token>[] Fields, int[] Lengths)
    {
        /// <summary>The lengths as scoring reads them: one byte each (<see cref="LengthNorm"/>).</summary>
        public byte[] Norms { get; } = [.. Lengths.Select(LengthNorm.Encode)];
    }

    private readonly IndexSnapshot _snapshot;
    private readonly List<Section> _sections = [];
    private readonly ChineseAnalyzer _analyzer;
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);

    public BruteForceSearcher(IndexSnapshot snapshot, ChineseAnalyzer analyzer)
    {
        _snapshot = snapshot;
        _analyzer = analyzer;
        for (int s = 0; s < snapshot.Segments.Count; s++)
        {
            var reader = snapshot.Segments[s].Reader;
            for (int d = 0; d < reader.DocumentCount; d++)
            {
                var document = reader.ReadDocument(d);
                for (int i = 0; i < document.Sections.Count; i++)
                {
                    var record = document.Sections[i];
                    string[] texts = [document.Title, record.HeadingText, record.Body, record.UnitsText];
                    var fields = texts.Select(t => analyzer.Analyze(t, AnalysisMode.Index)).ToArray();
                    var lengths = fields.Select(f => f.Count(t => t.Kind != TokenKind.SubWord)).ToArray();
                    // The own number's terms, in the title but not counted in its length, as SegmentBuilder indexes them.
                    int slot = fields[0].Count == 0 ? 0 : fields[0].Max(t => t.PositionEnd);
                    fields[0].AddRange(DocumentNumberTerms.Of(document.DocumentNumber, analyzer).Select(t => new Token(t, 0, 0, slot, slot + 1, TokenKind.Word)));
                    _sections.Add(new Section(s, reader.FirstSection[d] + i, document, record, fields, lengths));
                }
            }
        }
    }

    public IReadOnlyList<Section> Sections => _sections;

    /// <summary>The score of a section for a clause, or null when it does not match.</summary>
    public double? Evaluate(Clause clause, Section s) => clause switch
    {
        TermClause t => Term(t, s),
        PhraseClause p => Phrase(p, s),
        AllClause all => all.Children.Select(c => Evaluate(c, s)).ToList() is var r && r.All(x => x is not null) ? r.Sum(x => x!.Value) : null,
        AnyClause any => any.Children.Select(c => Evaluate(c, s)).Where(x => x is not null).ToList() is { Count: > 0 } r ? r.Sum(x => x!.Value) : null,
        ExcludeClause ex => Evaluate(ex.Excluded, s) is null ? Evaluate(ex.Required, s) : null,
        SeriesClause series => _sections.Any(x => x.Fields[0].Any(t => t.Text == series.Term))
            ? (s.Fields[0].Any(t => t.Text == series.Term) ? 1 + (Recency(s.Document) / 1e7) : null)
            : series.Text is null ? null : Evaluate(series.Text, s),
        MatchAllClause => 0,
        _ => throw new InvalidOperationException(),
    };

    private static int Recency(DocumentRecord d) =>
        d.Date?.DayNumber ?? (d.Year is { } y ? new DateOnly(y, 1, 1).DayNumber : 0);

    private double? Term(TermClause t, Section s)
    {
        var tf = new int[8];
        for (int f = 0; f < 4; f++)
        {
            foreach (var token in s.Fields[f])
            {
                if (token.Text == t.Term)
                    tf[f + (token.Kind == TokenKind.SubWord ? 4 : 0)]++;
            }
        }
        if (!Enumerable.Range(0, 8).Any(f => tf[f] > 0 && (t.FieldMask & (1 << f)) != 0))
            return null;
        return t.Weight * Idf(t.Term) * Bm25F.Saturate(new Bm25F(_snapshot.AverageLengths, t.FieldMask).PseudoFrequency(tf, s.Norms));
    }

    private double? Phrase(PhraseClause p, Section s)
    {
        var tf = new int[8];
        for (int f = 0; f < 4; f++)
        {
            if ((p.FieldMask & ((1 << f) | (1 << (f + 4)))) == 0)
                continue;
            var positions = p.Terms.Select(term => s.Fields[f].Where(t => t.Text == term).Select(t => t.Position).ToHashSet()).ToList();
            // Every way of placing the terms in order with extra gaps e_1 ≤ e_2 ≤ … ≤ slop (cumulative): an
            // occurrence is exact when some placement needs no extra slot, sloppy when every one needs some.
            int exact = 0, sloppy = 0;
            foreach (int start in positions[0])
            {
                int anchor = start - p.Offsets[0];
                int? least = Placements(p.Terms.Count, p.Slop).Where(e => Enumerable.Range(1, p.Terms.Count - 1)
                    .All(i => positions[i].Contains(anchor + p.Offsets[i] + e[i]))).Select(e => (int?)e[^1]).Min();
                if (least == 0)
                    exact++;
                else if (least is not null)
                    sloppy++;
            }
            // Positions do not tell a whole word from a sub-word: adjacent occurrences count as whole words up
            // to the fewest whole-word occurrences of any term in the field, the rest as sub-word occurrences.
            int whole = p.Terms.Select(term => s.Fields[f].Count(t => t.Text == term && t.Kind != TokenKind.SubWord)).Append(exact).Min();
            tf[f] = whole;
            tf[f + 4] = exact - whole + sloppy;
        }
        if (tf.All(x => x == 0))
            return null;
        double idf = p.Terms.Sum(Idf);
        return p.Weight * idf * Bm25F.Saturate(new Bm25F(_snapshot.AverageLengths, p.FieldMask).PseudoFrequency(tf, s.Norms));
    }

    /// <summary>Cumulative extra gaps for terms 0..n-1: e[0] = 0 and 0 ≤ e[i-1] ≤ e[i] ≤ slop.</summary>
    private static IEnumerable<int[]> Placements(int n, int slop)
    {
        IEnumerable<int[]> Extend(int[] prefix) => prefix.Length == n
            ? [prefix]
            : Enumerable.Range(prefix[^1], slop - prefix[^1] + 1).SelectMany(e => Extend([.. prefix, e]));
        return Extend([0]);
    }

    private double Idf(string term)
    {
        // Remembered per term: the scan is over every section, and a query evaluates every section.
        if (!_idf.TryGetValue(term, out double idf))
        {
            long df = _sections.Count(s => s.Fields.Any(f => f.Any(t => t.Text == term)));
            _idf[term] = idf = Bm25F.Idf(df, _sections.Count);
        }
        return idf;
    }

    /// <summary>Whether the section passes the filters, and which facet filters it fails (same bits as the engine).</summary>
    public static int Failures(Section s, SearchFilters f)
    {
        int fail = 0;
        if (f.Documents.Count > 0 && !f.Documents.Contains(s.Document.Id))
            fail |= 64; // outside the documents asked for: no facet counts it
        if (f.Issuers.Count > 0 && !s.Document.Issuers.Intersect(f.Issuers).Any())
            fail |= 1;
        if ((f.YearFrom is not null || f.YearTo is not null) && (s.Document.Year is not { } y || y < (f.YearFrom ?? int.MinValue) || y > (f.YearTo ?? int.MaxValue)))
            fail |= 2;
        if (f.Regions.Count > 0 && (s.Document.Region is null || !f.Regions.Contains(s.Document.Region)))
            fail |= 4;
        if (f.Types.Count > 0 && (s.Document.Type is null || !f.Types.Contains(s.Document.Type)))
            fail |= 8;
        if (f.Industries.Count > 0 && !s.Record.Industries.Intersect(f.Industries).Any())
            fail |= 16;
        // an excluded value fails its facet's bit, as a value not chosen does
        if (s.Document.Issuers.Intersect(f.ExcludedIssuers).Any())
            fail |= 1;
        if (s.Document.Region is { } region && f.ExcludedRegions.Contains(region))
            fail |= 4;
        if (s.Document.Type is { } type && f.ExcludedTypes.Contains(type))
            fail |= 8;
        if (s.Record.Industries.Intersect(f.ExcludedIndustries).Any())
            fail |= 16;
        if (f.Units.Count > 0 && !s.Record.Units.Select(u => u.Name).Intersect(f.Units).Any())
            fail |= 32;
        if (s.Record.Units.Select(u => u.Name).Intersect(f.ExcludedUnits).Any())
            fail |= 32;
        return fail;
    }
}
