using System.Globalization;
using System.Text.RegularExpressions;
using Field = SearchEngine.Core.Metadata.LabelledFields.Field;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Regions;
using SearchEngine.Core.Text;

namespace SearchEngine.Core.Metadata;

/// <summary>
/// Reads a document's metadata, each value with its evidence. Values are read where official documents print
/// them (GB/T 9704): the title block at the top, the document's own 发文字号 under it (or an order's 令 line),
/// the signature and date after the body, and the labelled fields a page or legal database prints around it.
/// Preference is printed text, then the file's own metadata, then inference from clues, which is marked
/// <see cref="Provenance.Inferred"/>. A field with no evidence stays empty; numbers the text merely cites are
/// kept apart as <see cref="DocumentMetadata.CitedNumbers"/>.
/// </summary>
public sealed partial class MetadataExtractor
{
    private readonly RegionGazetteer _regions;
    private readonly AuthorityNames _authorities;
    private readonly IssuerPrefixes _prefixes;

    public MetadataExtractor() : this(RegionGazetteer.Default)
    {
    }

    public MetadataExtractor(RegionGazetteer regions)
    {
        _regions = regions;
        _authorities = ReferenceEquals(regions, RegionGazetteer.Default) ? AuthorityNames.Default : new AuthorityNames(regions);
        _prefixes = IssuerPrefixes.Default;
    }

    /// <param name="text">The clean text.</param>
    /// <param name="preambleEnd">Where the first heading starts (the whole text when there is none).</param>
    /// <param name="removed">What the cleaner removed: a page header carries the publication date.</param>
    /// <param name="properties">Metadata the reader found in the file (see <see cref="SourceProperties"/>).</param>
    public DocumentMetadata Extract(string text, int preambleEnd, IReadOnlyList<RemovedFragment> removed, IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = TextLine.Split(text);
        var (fields, _) = LabelledFields.Read(lines);
        Field? Labelled(PrintedLabel kind) => fields.FirstOrDefault(f => f.Kind == kind) is { Value: not null } f ? f : null;

        int first = FirstContentLine(lines);
        properties.TryGetValue(SourceProperties.Title, out var declaredTitle);
        var order = OrderHeader.Find(lines, first);
        var block = order is { Line: var orderLine } && orderLine == first ? null : FindTitle(lines, first, declaredTitle);
        int afterTitle = block?.NextLine ?? (order?.NextLine ?? first);
        var promulgation = PromulgationLine.Find(lines, first);

        var number = OwnNumber(lines, first, block, order, afterTitle, Labelled(PrintedLabel.Number), promulgation);
        var signature = SignatureFinder.First(lines, afterTitle, _authorities);
        // A cover letter dated without a signature (转发 notices) comes before the forwarded report's signature:
        // the report's authority and date are not the document's.
        var dateLine = SignatureFinder.FirstDateLine(lines, afterTitle);
        if (signature is not null && dateLine is { } earlier && earlier.Offset < signature.DateOffset)
            signature = null;
        if (signature is null && dateLine is null)
            signature = SignatureFinder.InRunningText(text, 0, Math.Min(preambleEnd, text.Length), _authorities);
        var context = Context(text, block, number, fields, properties, lines, first);

        var (title, noticeTitle) = Titles(text, lines, block, order, signature, Labelled(PrintedLabel.Title), declaredTitle);
        string? home = HomeOrgan(fields, properties);
        var issuers = Issuers(text, lines, first, block, signature, order, Labelled(PrintedLabel.Issuer), promulgation, number, context, home);
        var region = Region(text, issuers, context);
        var signing = SigningDate(lines, afterTitle, signature, Labelled(PrintedLabel.SigningDate), promulgation, first);
        var publication = PublicationDate(removed, properties, Labelled(PrintedLabel.PublicationDate));
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
            ForwardedFrom = block?.ForwardedFrom is { } from
                ? [new Found<string>(_authorities.Canonical(from, context), Provenance.Printed, block.Printed, block.Offset)]
                : [],
            DocumentNumber = number,
            CitedNumbers = Cited(text, number),
            SigningDate = signing,
            PublicationDate = publication,
            EffectiveDate = EffectiveDate(text, Labelled(PrintedLabel.EffectiveDate)),
            IndexNumber = FromLabel(Labelled(PrintedLabel.IndexNumber)),
            Topic = FromLabel(Labelled(PrintedLabel.Topic)),
            Publisher = Publisher(removed, properties, Labelled(PrintedLabel.Source)),
            Year = Year(text, signing, publication, number, period),
            Region = region,
            DocumentType = type,
            PlanningPeriod = period,
        };
    }

    private static Found<string>? FromLabel(Field? field) =>
        field is { } f ? new Found<string>(f.Value, Provenance.Printed, f.Line, f.Offset) : null;

    /// <summary>
    /// The title block: at the first line of content, or a little further down when a page printed or scraped
    /// with its furniture (位置 bars, broken table cells) puts lines above it; the search stops at the body
    /// (the first sentence), above which the title always stands.
    /// </summary>
    private TitleBlock? FindTitle(List<TextLine> lines, int first, string? declaredTitle)
    {
        for (int i = first; i < Math.Min(lines.Count, first + 15); i++)
        {
            string t = lines[i].Text.Trim();
            if (t.Length == 0 || LabelledFields.IsLabelled(t))
                continue;
            if (TitleBlock.Find(lines, i, _authorities, declaredTitle) is { } block)
                return block;
            if (t.Contains('。', StringComparison.Ordinal))
                return null;
        }
        return null;
    }

    /// <summary>The first line that is neither blank nor labelled furniture (信息公开表, 法宝 header, 来源).</summary>
    private static int FirstContentLine(List<TextLine> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            string t = lines[i].Text.Trim();
            if (t.Length > 0 && !LabelledFields.IsLabelled(t))
                return i;
        }
        return lines.Count;
    }

    /// <summary>
    /// The document's own number by where it stands: an order's 令 line, a line of its own under the title, a
    /// number run on after the title in merged text, the page's 文号 field, or a regulation's 公布 line.
    /// </summary>
    private static Found<DocumentNumber>? OwnNumber(List<TextLine> lines, int first, TitleBlock? block, OrderHeader? order, int afterTitle, Field? labelled, PromulgationLine? promulgation)
    {
        if (order is not null)
            return new Found<DocumentNumber>(order.Number, Provenance.Printed, order.Printed, order.Offset);
        if (block is { GluedNumberOffset: >= 0 } glued)
        {
            int lineIndex = lines.FindLastIndex(l => l.Offset <= glued.GluedNumberOffset);
            var line = lines[lineIndex];
            if (DocumentNumberParser.FindFirst(line.Text[(glued.GluedNumberOffset - line.Offset)..], line.Text.Length) is { } hit)
                return new Found<DocumentNumber>(hit.Number, Provenance.Printed, hit.Printed, glued.GluedNumberOffset + hit.Offset);
        }
        // Under the title, before the addressees: within the next few lines, on a line of its own.
        int from = block is not null ? afterTitle : first;
        // Above the title in the red-header layout (北京市人民政府文件 / 京政发〔2023〕5号 / title).
        if (block is not null)
        {
            for (int i = first; i < lines.Count && lines[i].Offset < block.Offset; i++)
            {
                if (DocumentNumberParser.ParseLine(lines[i].Text) is { } above)
                    return new Found<DocumentNumber>(above, Provenance.Printed, lines[i].Text.Trim(), lines[i].Offset);
            }
        }
        for (int i = from; i < Math.Min(lines.Count, from + 4); i++)
        {
            string t = lines[i].Text.Trim();
            if (DocumentNumberParser.ParseLine(t) is { } own)
                return new Found<DocumentNumber>(own, Provenance.Printed, t, lines[i].Offset);
            if (t.EndsWith('：') || t.EndsWith(':') || t.Contains('。', StringComparison.Ordinal))
                break;
        }
        if (labelled is { } f && (DocumentNumberParser.ParseLine(f.Value) ?? DocumentNumberParser.Parse(f.Value)) is { } fromTable)
            return new Found<DocumentNumber>(fromTable, Provenance.Printed, f.Line, f.Offset);
        if (promulgation?.Number is { } promulgated)
            return new Found<DocumentNumber>(promulgated, Provenance.Printed, promulgation.Printed, promulgation.Offset);
        return null;
    }

    private static List<Found<DocumentNumber>> Cited(string text, Found<DocumentNumber>? own)
    {
        var cited = new List<Found<DocumentNumber>>();
        foreach (var (number, start, end) in DocumentNumberParser.FindAll(text))
        {
            if (number == own?.Value || cited.Exists(c => c.Value == number))
                continue;
            cited.Add(new Found<DocumentNumber>(number, Provenance.Printed, text[start..end], start));
            if (cited.Count == 50)
                break; // a bibliography of numbers says nothing more about the document
        }
        return cited;
    }

    /// <summary>
    /// The region the document belongs to before its issuers are read, so that names which leave it implicit
    /// (省政府办公厅, 自治区人民政府) can be written out: the province a number's prefix abbreviates (赣府厅发 → 江西省),
    /// the publishing site, a people's congress session line, a region named at the start of the title.
    /// </summary>
    private Region? Context(string text, TitleBlock? block, Found<DocumentNumber>? number, List<Field> fields, IReadOnlyDictionary<string, string> properties, List<TextLine> lines, int first)
    {
        if (block is not null)
        {
            foreach (var issuer in block.Issuers)
            {
                if (_authorities.RegionOf(issuer, null) is { Level: not RegionLevel.Nation } r)
                    return r;
            }
        }
        if (number?.Value.Prefix is { Length: > 1 } prefix && _regions.ProvinceOfAbbreviation(prefix[0]) is { } byPrefix)
            return byPrefix;
        foreach (var candidate in fields.Where(f => f.Kind is PrintedLabel.Issuer or PrintedLabel.Source).Select(f => f.Value)
            .Concat(new[] { SourceProperties.Publisher, SourceProperties.Site }.Select(k => properties.GetValueOrDefault(k)).OfType<string>()))
        {
            if (_authorities.RegionOf(candidate, null) is { Level: not RegionLevel.Nation } r)
                return r;
        }
        for (int i = first; i < Math.Min(lines.Count, first + 6); i++)
        {
            var session = SessionLine().Match(lines[i].Text) is { Success: true } dated ? dated : SessionWithoutDate().Match(lines[i].Text);
            if (session.Success && _regions.Find(session.Groups["region"].Value) is { } r)
                return r;
        }
        if (block is not null)
        {
            string title = YearPrefix().Replace(block.Printed, "");
            for (int len = Math.Min(10, title.Length); len >= 2; len--)
            {
                if (_regions.Find(title[..len]) is { Level: not RegionLevel.Nation } r)
                    return r;
            }
        }
        return null;
    }

    /// <summary>The organ that publishes the page (来源：/发文机关：江西省市场监督管理局): what 省局 in its signature means.</summary>
    private string? HomeOrgan(List<Field> fields, IReadOnlyDictionary<string, string> properties)
    {
        foreach (var candidate in fields.Where(f => f.Kind is PrintedLabel.Source or PrintedLabel.Issuer).Select(f => f.Value)
            .Append(properties.GetValueOrDefault(SourceProperties.Publisher)))
        {
            if (candidate is not null && _authorities.IsAuthority(candidate))
                return candidate;
        }
        return null;
    }

    private (Found<string>? Title, Found<string>? Notice) Titles(string text, List<TextLine> lines, TitleBlock? block, OrderHeader? order,
        SignatureFinder.Signature? signature, Field? labelled, string? declared)
    {
        if (block is not null)
        {
            // The title as printed and cited, issuers included: 国务院办公厅关于…的通知.
            if (block.ForwardedTitle is not { } forwarded)
                return (new Found<string>(block.Printed, Provenance.Printed, block.Printed, block.Offset), null);
            // The forwarded plan usually prints its title again above its own text.
            int again = text.IndexOf(forwarded, block.Offset + block.Printed.Length, StringComparison.Ordinal);
            var plan = new Found<string>(forwarded, Provenance.Printed, again >= 0 ? forwarded : block.Printed, again >= 0 ? again : block.Offset);
            return (plan, new Found<string>(block.Printed, Provenance.Printed, block.Printed, block.Offset));
        }
        // An order publishes a regulation whose title follows the order's signature.
        if (order is not null && signature is not null)
        {
            int after = lines.FindIndex(l => l.Offset > signature.DateOffset);
            if (after >= 0 && TitleBlock.Find(lines, after, _authorities, declared) is { } regulation && regulation.Issuers.Count == 0)
                return (new Found<string>(regulation.Title, Provenance.Printed, regulation.Printed, regulation.Offset), null);
        }
        if (labelled is { } field)
            return (new Found<string>(Strip(field.Value), Provenance.Printed, field.Line, field.Offset), null);
        if (!string.IsNullOrWhiteSpace(declared))
        {
            int at = text.IndexOf(declared, StringComparison.Ordinal);
            return (new Found<string>(declared, at >= 0 ? Provenance.Printed : Provenance.SourceMetadata,
                at >= 0 ? declared : "the file's declared title", at), null);
        }
        return (null, null);
    }

    private static string Strip(string title) => title.Trim().Trim('《', '》');

    private List<Found<string>> Issuers(string text, List<TextLine> lines, int first, TitleBlock? block, SignatureFinder.Signature? signature, OrderHeader? order, Field? labelled,
        PromulgationLine? promulgation, Found<DocumentNumber>? number, Region? context, string? home)
    {
        var issuers = new List<Found<string>>();
        void Add(string name, Provenance provenance, string evidence, int offset)
        {
            string canonical = _authorities.Canonical(ResolveHome(name, home), context);
            if (!issuers.Exists(i => i.Value == canonical))
                issuers.Add(new Found<string>(canonical, provenance, evidence, offset));
        }
        foreach (var name in block?.Issuers ?? [])
            Add(name, Provenance.Printed, block!.Printed, block.Offset);
        foreach (var name in signature?.Names ?? [])
            Add(name, Provenance.Printed, $"signature: {signature!.NamesPrinted}", signature.NamesOffset);
        if (issuers.Count > 0)
            return issuers;

        // An order at the top (国务院令 …) is issued by its organ; an order printed under a law's title is the
        // President's promulgation, and the law's enacting body is in its 通过 line.
        string? orderIssuer = order is null ? null : OrderHeader.IssuerOf(order.Number.Prefix);
        if (orderIssuer is not null && block is null)
            Add(orderIssuer, Provenance.Printed, order!.Printed, order.Offset);
        else if (labelled is { } field)
        {
            foreach (var name in _authorities.SplitJoint(field.Value) ?? [field.Value])
                Add(name, Provenance.Printed, field.Line, field.Offset);
        }
        else if (IssuerMark(lines, first) is { } mark)
            Add(mark.Name, Provenance.Printed, mark.Printed, mark.Offset);
        else if (OnBehalf().Match(text) is { Success: true } onBehalf && onBehalf.Index < 2000)
            Add(onBehalf.Groups["name"].Value, Provenance.Printed, onBehalf.Value, onBehalf.Index);
        else if (promulgation is { Organ.Length: > 1 } p && _authorities.IsAuthority(p.Organ))
            Add(p.Organ, Provenance.Printed, p.Printed, p.Offset);
        else if (orderIssuer is not null && _authorities.IsAuthority(orderIssuer))
            Add(orderIssuer, Provenance.Printed, order!.Printed, order.Offset);
        if (issuers.Count > 0 || number is null)
            return issuers;

        if (_prefixes.IssuerOf(number.Value.Prefix) is { } byPrefix)
        {
            foreach (var part in byPrefix.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                issuers.Add(new Found<string>(part, Provenance.Inferred,
                    $"发文字号 {number.Value} carries the prefix {number.Value.Prefix}, which {byPrefix} issues under", number.Offset));
        }
        return issuers;
    }

    /// <summary>发文机关标志 at the top (北京市人民政府文件): the issuer, when neither title nor signature names it.</summary>
    private (string Name, string Printed, int Offset)? IssuerMark(List<TextLine> lines, int first)
    {
        for (int i = first; i < Math.Min(lines.Count, first + 3); i++)
        {
            string t = TitleBlock.Unspace(lines[i].Text.Trim());
            if (TitleBlock.IsIssuerMark(t, _authorities))
                return (t[..^2], t, lines[i].Offset);
        }
        return null;
    }

    /// <summary>省局/市局/本局 in a page's signature is the organ that publishes the page.</summary>
    private static string ResolveHome(string name, string? home) =>
        home is not null && home.EndsWith('局') && (name.StartsWith("省局", StringComparison.Ordinal) || name.StartsWith("市局", StringComparison.Ordinal) || name.StartsWith("本局", StringComparison.Ordinal))
            ? home + name[2..]
            : name;

    private static Found<DateOnly>? SigningDate(List<TextLine> lines, int afterTitle, SignatureFinder.Signature? signature, Field? labelled,
        PromulgationLine? promulgation, int first)
    {
        if (signature is not null)
            return new Found<DateOnly>(signature.Date, Provenance.Printed, signature.DatePrinted, signature.DateOffset);
        // 党委 documents print the date in brackets under the title; pages print it alone at the end.
        if (SignatureFinder.FirstDateLine(lines, Math.Min(afterTitle, lines.Count)) is { } line)
            return new Found<DateOnly>(line.Date, Provenance.Printed, line.Printed, line.Offset);
        if (labelled is { } field && ChineseDate.FindAll(field.Value).FirstOrDefault() is { Length: > 0 } tableDate)
            return new Found<DateOnly>(tableDate.Date, Provenance.Printed, field.Line, field.Offset);
        // A report to a people's congress is dated by its session: 2025年1月14日在北京市第十六届人民代表大会第三次会议上.
        for (int i = first; i < Math.Min(lines.Count, first + 6); i++)
        {
            var session = SessionLine().Match(lines[i].Text);
            if (session.Success && ChineseDate.TryParse(session.Groups["date"].Value, out var date))
                return new Found<DateOnly>(date, Provenance.Printed, session.Value, lines[i].Offset + session.Groups["date"].Index);
            // The date may follow the session: 在重庆市第六届人民代表大会第四次会议上 / 2025年1月15日.
            if (SessionWithoutDate().IsMatch(lines[i].Text))
            {
                for (int j = i; j < Math.Min(lines.Count, i + 3); j++)
                {
                    int from = j == i ? SessionWithoutDate().Match(lines[i].Text).Length : 0;
                    var after = ChineseDate.FindAll(lines[j].Text[from..]).FirstOrDefault();
                    if (after.Length > 0)
                        return new Found<DateOnly>(after.Date, Provenance.Printed, lines[j].Text.Trim(), lines[j].Offset + from + after.Offset);
                }
            }
        }
        if (promulgation is not null)
            return new Found<DateOnly>(promulgation.Date, Provenance.Printed, promulgation.Printed, promulgation.Offset);
        return null;
    }

    private static Found<DateOnly>? PublicationDate(IReadOnlyList<RemovedFragment> removed, IReadOnlyDictionary<string, string> properties, Field? labelled)
    {
        if (labelled is { } field && ChineseDate.FindAll(field.Value).FirstOrDefault() is { Length: > 0 } tableDate)
            return new Found<DateOnly>(tableDate.Date, Provenance.Printed, field.Line, field.Offset);
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

    private static Found<DateOnly>? EffectiveDate(string text, Field? labelled)
    {
        if (labelled is { } field && ChineseDate.FindAll(field.Value).FirstOrDefault() is { Length: > 0 } tableDate)
            return new Found<DateOnly>(tableDate.Date, Provenance.Printed, field.Line, field.Offset);
        var m = TakesEffect().Match(text);
        return m.Success && ChineseDate.TryParse(m.Groups["date"].Value, out var date)
            ? new Found<DateOnly>(date, Provenance.Printed, m.Value, m.Index)
            : null;
    }

    private static Found<string>? Publisher(IReadOnlyList<RemovedFragment> removed, IReadOnlyDictionary<string, string> properties, Field? source)
    {
        if (source is { } field)
            return new Found<string>(field.Value, Provenance.Printed, field.Line, field.Offset);
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
        if (number?.Value.Year is { } numberYear)
            return new Found<int>(numberYear, Provenance.Printed, number.Evidence, number.Offset);
        if (publication is not null)
            return new Found<int>(publication.Value.Year, publication.Provenance, publication.Evidence, publication.Offset);
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

    private Found<Region>? Region(string text, List<Found<string>> issuers, Region? context)
    {
        foreach (var issuer in issuers)
        {
            if (_authorities.RegionOf(issuer.Value, context) is { } region)
                return new Found<Region>(region, issuer.Provenance == Provenance.Printed ? Provenance.Printed : Provenance.Inferred,
                    $"issuer {issuer.Value}", issuer.Offset);
        }
        if (context is not null)
            return new Found<Region>(context, Provenance.Inferred, $"no issuer's name shows the region; the document's number, source or title points to {context.Name}");

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

    private const string Date = ChineseDate.DigitPattern;

    [GeneratedRegex(@"^[—\-－\s　]*(?<date>" + Date + @")\s*在(?<region>[\u4e00-\u9fff]{2,12}?)第[一二三四五六七八九十百]+届人民代表大会")]
    private static partial Regex SessionLine();

    [GeneratedRegex(@"^[—\-－\s　（(]*在(?<region>[\u4e00-\u9fff]{2,12}?)第[一二三四五六七八九十百]+届人民代表大会第[一二三四五六七八九十百]+次会议上")]
    private static partial Regex SessionWithoutDate();

    [GeneratedRegex(@"我代表(?<name>[\u4e00-\u9fff]{0,12}?(人民)?政府)")]
    private static partial Regex OnBehalf();

    [GeneratedRegex(@"自(?<date>" + Date + @")起(施行|实施|执行|生效)")]
    private static partial Regex TakesEffect();

    [GeneratedRegex(@"^(19|20)\d{2}年")]
    private static partial Regex YearPrefix();

    [GeneratedRegex(@"(?<y>20[0-9]{2})\s*年")]
    private static partial Regex YearMention();

    [GeneratedRegex(@"(?<![\u4e00-\u9fff])市[\u4e00-\u9fff]{1,10}?(局|委|厅|办)")]
    private static partial Regex CityUnit();

    [GeneratedRegex(@"(?<![\u4e00-\u9fff])省[\u4e00-\u9fff]{1,10}?(局|委|厅|办)")]
    private static partial Regex ProvinceUnit();
}
