using System.Globalization;
using System.Text.RegularExpressions;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Text;

namespace SearchEngine.Core.Metadata;

/// <summary>
/// Reads a document's metadata from its preamble and text, each value with its evidence. The order of
/// preference is printed text, then the file's own metadata, then inference from clues in the text, which is
/// marked <see cref="Provenance.Inferred"/>. A field with no evidence stays empty.
/// </summary>
public sealed partial class MetadataExtractor
{
    private readonly RegionGazetteer _regions;
    private readonly Dictionary<string, string> _issuerByPrefix;

    public MetadataExtractor() : this(RegionGazetteer.Default)
    {
    }

    public MetadataExtractor(RegionGazetteer regions)
    {
        _regions = regions;
        _issuerByPrefix = DataFile.ReadTabbed("issuer-prefixes.txt").ToDictionary(e => e.Key, e => e.Value);
    }

    /// <param name="text">The clean text.</param>
    /// <param name="preambleEnd">Where the first heading starts (the whole text when there is none).</param>
    /// <param name="removed">What the cleaner removed: a page header carries the publication date.</param>
    /// <param name="properties">Metadata the reader found in the file (see <see cref="SourceProperties"/>).</param>
    public DocumentMetadata Extract(string text, int preambleEnd, IReadOnlyList<RemovedFragment> removed, IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(text);
        string preamble = text[..Math.Min(preambleEnd, text.Length)];
        var number = FindDocumentNumber(preamble);
        var block = TitleBlock.Find(preamble, number?.Offset ?? -1);
        var (title, noticeTitle) = Titles(text, block, properties);
        var signatures = Signatures(text, preamble);
        var issuers = Issuers(block, signatures, number?.Found);
        var signing = SigningDate(text, preamble, signatures);
        var publication = PublicationDate(removed, properties);
        string? typeSource = block?.ForwardedTitle ?? title?.Value;
        var type = typeSource is not null && DocumentTypeClassifier.FromTitle(typeSource) is { } t
            ? new Found<string>(t, title?.Provenance ?? Provenance.Printed, $"title ends in {t}: {typeSource}", title?.Offset ?? -1)
            : null;
        var period = PlanningPeriodFinder.Find(text, title?.Value);
        return new DocumentMetadata
        {
            Title = title,
            NoticeTitle = noticeTitle,
            Issuers = issuers,
            DocumentNumber = number?.Found,
            SigningDate = signing,
            PublicationDate = publication,
            Publisher = Publisher(removed, properties),
            Year = Year(text, signing, publication, number?.Found, period),
            Region = Region(text, issuers),
            DocumentType = type,
            PlanningPeriod = period,
        };
    }

    /// <summary>
    /// A forwarding notice signs in its preamble (000, 002); a notice that is itself the document signs at its
    /// end. Offsets are into the whole text.
    /// </summary>
    private static List<(string Name, int Offset, int DateOffset)> Signatures(string text, string preamble)
    {
        var inPreamble = IssuerNames.FindSignatures(preamble).ToList();
        if (inPreamble.Count > 0)
            return inPreamble;
        const int TailLength = 300;
        int tailStart = Math.Max(preamble.Length, text.Length - TailLength);
        return [.. IssuerNames.FindSignatures(text[tailStart..]).Select(s => (s.Name, s.Offset + tailStart, s.DateOffset + tailStart))];
    }

    private static (Found<DocumentNumber> Found, int Offset)? FindDocumentNumber(string preamble)
    {
        if (DocumentNumberParser.FindFirst(preamble, preamble.Length) is not { } hit)
            return null;
        return (new Found<DocumentNumber>(hit.Number, Provenance.Printed, hit.Printed, hit.Offset), hit.Offset);
    }

    private static (Found<string>? Title, Found<string>? Notice) Titles(string text, TitleBlock? block, IReadOnlyDictionary<string, string> properties)
    {
        if (block is null)
        {
            return properties.TryGetValue(SourceProperties.Title, out var declared) && declared.Length > 0
                ? (new Found<string>(declared, Provenance.SourceMetadata, "the file's declared title"), null)
                : (null, null);
        }
        if (block.ForwardedTitle is not { } forwarded)
            return (new Found<string>(block.Title, Provenance.Printed, block.Printed, block.Offset), null);

        // The forwarded plan usually prints its title again above its own text.
        int again = text.IndexOf(forwarded, block.Offset + block.Printed.Length, StringComparison.Ordinal);
        var plan = new Found<string>(forwarded, Provenance.Printed, again >= 0 ? forwarded : block.Printed, again >= 0 ? again : block.Offset);
        return (plan, new Found<string>(block.Printed, Provenance.Printed, block.Printed, block.Offset));
    }

    private List<Found<string>> Issuers(TitleBlock? block, List<(string Name, int Offset, int DateOffset)> signatures, Found<DocumentNumber>? number)
    {
        var issuers = new List<Found<string>>();
        void Add(Found<string> found)
        {
            if (!issuers.Exists(i => i.Value == found.Value))
                issuers.Add(found);
        }
        if (block is not null)
        {
            foreach (var name in block.Issuers)
                Add(new Found<string>(name, Provenance.Printed, block.Printed, block.Offset));
        }
        foreach (var (name, offset, _) in signatures)
        {
            foreach (var part in name.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries))
                Add(new Found<string>(part, Provenance.Printed, $"signature: {name}", offset));
        }
        if (issuers.Count == 0 && number is not null && _issuerByPrefix.TryGetValue(number.Value.Prefix, out var byPrefix))
        {
            foreach (var part in byPrefix.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                Add(new Found<string>(part, Provenance.Inferred, $"发文字号 {number.Value} carries the prefix {number.Value.Prefix}, which {byPrefix} issues under", number.Offset));
        }
        return issuers;
    }

    private static Found<DateOnly>? SigningDate(string text, string preamble, List<(string Name, int Offset, int DateOffset)> signatures)
    {
        foreach (var (_, _, dateOffset) in signatures)
        {
            var date = ChineseDate.FindAll(text.Substring(dateOffset, Math.Min(30, text.Length - dateOffset))).First();
            return new Found<DateOnly>(date.Date, Provenance.Printed, text.Substring(dateOffset, date.Length), dateOffset);
        }
        // 党委 documents print the date in brackets under the title: （2023年10月18日）.
        foreach (Match m in DateLine().Matches(preamble))
        {
            if (ChineseDate.TryParse(m.Groups["date"].Value, out var date))
                return new Found<DateOnly>(date, Provenance.Printed, m.Value.Trim(), m.Index);
        }
        return null;
    }

    private static Found<DateOnly>? PublicationDate(IReadOnlyList<RemovedFragment> removed, IReadOnlyDictionary<string, string> properties)
    {
        foreach (var fragment in removed.Where(f => f.Kind == RemovedFragment.PageHeader))
        {
            var date = ChineseDate.FindAll(fragment.Text).FirstOrDefault();
            if (date.Length > 0)
                return new Found<DateOnly>(date.Date, Provenance.SourceMetadata, $"page header: {fragment.Text}");
        }
        if (properties.TryGetValue(SourceProperties.Date, out var declared))
        {
            var date = ChineseDate.FindAll(declared).FirstOrDefault();
            if (date.Length > 0)
                return new Found<DateOnly>(date.Date, Provenance.SourceMetadata, $"the file's declared date: {declared}");
        }
        return null;
    }

    private static Found<string>? Publisher(IReadOnlyList<RemovedFragment> removed, IReadOnlyDictionary<string, string> properties)
    {
        foreach (var fragment in removed.Where(f => f.Kind == RemovedFragment.PageHeader))
        {
            var site = BoilerplateStripper.PageHeader().Match(fragment.Text).Groups["site"];
            if (site.Success)
                return new Found<string>(site.Value, Provenance.SourceMetadata, $"page header: {fragment.Text}");
        }
        return properties.TryGetValue(SourceProperties.Publisher, out var declared) && declared.Length > 0
            ? new Found<string>(declared, Provenance.SourceMetadata, $"the file's declared source: {declared}")
            : null;
    }

    private static Found<int>? Year(string text, Found<DateOnly>? signing, Found<DateOnly>? publication, Found<DocumentNumber>? number, Found<PlanningPeriod>? period)
    {
        if (signing is not null)
            return new Found<int>(signing.Value.Year, signing.Provenance, signing.Evidence, signing.Offset);
        if (number is not null)
            return new Found<int>(number.Value.Year, Provenance.Printed, number.Evidence, number.Offset);
        if (publication is not null)
            return new Found<int>(publication.Value.Year, publication.Provenance, publication.Evidence);
        if (period is null)
            return null;

        // No date printed: the first year the text looks ahead to inside the plan period it names
        // (004 sets targets for 2026 under 十五五) is the year the document plans for.
        var years = YearMention().Matches(text)
            .Select(m => (Year: int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), m.Index, m.Value))
            .Where(y => y.Year >= period.Value.FirstYear && y.Year <= period.Value.LastYear)
            .OrderBy(y => y.Year)
            .ToList();
        if (years.Count == 0)
            return null;
        var first = years[0];
        string context = text.Substring(first.Index, Math.Min(20, text.Length - first.Index));
        return new Found<int>(first.Year, Provenance.Inferred,
            $"no date printed; the text plans for {first.Year} (“{context}…”) within the period {period.Value.Name} ({period.Value.FirstYear}–{period.Value.LastYear})",
            first.Index);
    }

    private Found<Region>? Region(string text, List<Found<string>> issuers)
    {
        foreach (var issuer in issuers)
        {
            if (_regions.OfIssuer(issuer.Value) is { } region)
                return new Found<Region>(region, issuer.Provenance == Provenance.Printed ? Provenance.Printed : Provenance.Inferred,
                    $"issuer {issuer.Value}", issuer.Offset);
        }

        // No issuer: the units the text assigns tasks to show the level (市科技局 → a city), and the region
        // it names most often at that level is the one it governs.
        var mentions = _regions.CountMentions(text).ToList();
        int cityUnits = CityUnit().Count(text), provinceUnits = ProvinceUnit().Count(text);
        var level = cityUnits > provinceUnits ? RegionLevel.City : RegionLevel.Province;
        var best = mentions.Where(m => m.Region.Level == level).OrderByDescending(m => m.Count).FirstOrDefault();
        if (best.Region is null || best.Count < 2)
            return null;
        return new Found<Region>(best.Region, Provenance.Inferred,
            $"no issuer printed; the text assigns tasks to {(level == RegionLevel.City ? cityUnits : provinceUnits)} {(level == RegionLevel.City ? "市" : "省")}-level units (e.g. {(level == RegionLevel.City ? CityUnit() : ProvinceUnit()).Match(text).Value}) and names {best.Name} {best.Count} time(s)",
            text.IndexOf(best.Name, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^[（(]?\s*(?<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[）)]?\s*$", RegexOptions.Multiline)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"(?<y>20\d{2})\s*年")]
    private static partial Regex YearMention();

    [GeneratedRegex(@"(?<![\u4e00-\u9fff])市[\u4e00-\u9fff]{1,10}?(局|委|厅|办)")]
    private static partial Regex CityUnit();

    [GeneratedRegex(@"(?<![\u4e00-\u9fff])省[\u4e00-\u9fff]{1,10}?(局|委|厅|办)")]
    private static partial Regex ProvinceUnit();
}
