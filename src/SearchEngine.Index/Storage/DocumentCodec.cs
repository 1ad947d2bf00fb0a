using System.Globalization;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Targets;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Storage;

/// <summary>
/// Binary form of a document's head in a segment's stored part: its metadata and, per section, everything but the
/// text, whose length takes its place (the texts follow as <see cref="StoredText"/> chunks, so one section can be
/// read without the rest).
/// </summary>
internal static class DocumentCodec
{
    public static void WriteHead(ByteWriter w, DocumentRecord d)
    {
        w.WriteString(d.Id);
        w.WriteString(d.Title);
        w.WriteString(d.NoticeTitle);
        w.WriteStrings(d.Issuers);
        w.WriteString(d.DocumentNumber);
        w.WriteInt32(d.Date is { } date ? date.DayNumber : -1);
        w.WriteInt32(d.Year ?? -1);
        w.WriteString(d.Region);
        w.WriteString(d.Type);
        w.WriteStrings(d.Industries);
        w.WriteString(d.Source);
        w.WriteStrings(d.AlternateSources);
        w.WriteString(d.MetadataJson);
        w.WriteStrings(d.Inferred);
        w.WriteVarInt(d.Sections.Count);
        foreach (var s in d.Sections)
        {
            w.WriteVarInt(s.SectionIndex);
            w.WriteByte((byte)s.Level);
            w.WriteStrings(s.HeadingPath);
            w.WriteVarInt(s.Body.Length);
            w.WriteVarInt(s.Units.Count);
            foreach (var u in s.Units)
            {
                w.WriteString(u.Name);
                w.WriteByte(u.IsLead ? (byte)1 : (byte)0);
            }
            w.WriteStrings(s.Industries);
        }
    }

    /// <summary>
    /// A document's plan targets without their sentences' text (a sentence is its offsets into its section's body,
    /// which the stored texts hold): they lie apart from the head, so a search reading ten heads decodes none of them.
    /// </summary>
    public static void WriteTargets(ByteWriter w, IReadOnlyList<PlanTarget> targets)
    {
        w.WriteVarInt(targets.Count);
        foreach (var t in targets)
        {
            w.WriteString(t.Indicator);
            w.WriteByte((byte)t.Kind);
            w.WriteByte((byte)t.Comparison);
            w.WriteString(Number(t.Value));
            w.WriteString(t.ValueMax is { } max ? Number(max) : null);
            w.WriteString(t.Unit);
            w.WriteInt32(t.Year ?? -1);
            w.WriteString(t.BaselineValue is { } baseline ? Number(baseline) : null);
            w.WriteInt32(t.BaselineYear ?? -1);
            w.WriteVarInt(t.Section);
            w.WriteVarInt(t.SentenceStart);
            w.WriteVarInt(t.Sentence.Length);
            w.WriteVarInt(t.ValueStart - t.SentenceStart);
            w.WriteVarInt(t.ValueEnd - t.ValueStart);
        }
    }

    /// <summary>
    /// Targets written by <see cref="WriteTargets"/> of the sections <paramref name="keep"/> keeps;
    /// <paramref name="sentence"/> reads a sentence back (section, start, length).
    /// </summary>
    public static List<PlanTarget> ReadTargets(ReadOnlySpan<byte> bytes, Func<int, int, int, string> sentence, Func<int, bool> keep)
    {
        var r = new ByteReader(bytes);
        int count = r.ReadVarInt();
        var targets = new List<PlanTarget>(count);
        for (int i = 0; i < count; i++)
        {
            string indicator = r.ReadRequiredString();
            var kind = (TargetKind)r.ReadByte();
            var comparison = (TargetComparison)r.ReadByte();
            decimal value = Parse(r.ReadRequiredString());
            string? max = r.ReadString();
            string unit = r.ReadRequiredString();
            int year = r.ReadInt32();
            string? baseline = r.ReadString();
            int baselineYear = r.ReadInt32();
            int section = r.ReadVarInt(), start = r.ReadVarInt(), length = r.ReadVarInt();
            int valueStart = start + r.ReadVarInt();
            int valueEnd = valueStart + r.ReadVarInt();
            if (!keep(section))
                continue;
            targets.Add(new PlanTarget(indicator, kind, comparison, value, max is null ? null : Parse(max), unit, year >= 0 ? year : null,
                baseline is null ? null : Parse(baseline), baselineYear >= 0 ? baselineYear : null, section,
                sentence(section, start, length), start, valueStart, valueEnd));
        }
        return targets;
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Parse(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>The head, with every section's body empty; <paramref name="bodyLengths"/> gets the real lengths.</summary>
    public static DocumentRecord ReadHead(ReadOnlySpan<byte> bytes, out int[] bodyLengths)
    {
        var r = new ByteReader(bytes);
        string id = r.ReadRequiredString();
        string title = r.ReadRequiredString();
        string? notice = r.ReadString();
        var issuers = r.ReadStrings();
        string? number = r.ReadString();
        int day = r.ReadInt32();
        int year = r.ReadInt32();
        string? region = r.ReadString();
        string? type = r.ReadString();
        var industries = r.ReadStrings();
        string source = r.ReadRequiredString();
        var alternates = r.ReadStrings();
        string? metadata = r.ReadString();
        var inferred = r.ReadStrings();
        int count = r.ReadVarInt();
        var sections = new SectionRecord[count];
        bodyLengths = new int[count];
        for (int i = 0; i < count; i++)
        {
            int index = r.ReadVarInt();
            var level = (HeadingLevel)r.ReadByte();
            var path = r.ReadStrings();
            bodyLengths[i] = r.ReadVarInt();
            int unitCount = r.ReadVarInt();
            var units = new ResponsibleUnit[unitCount];
            for (int u = 0; u < unitCount; u++)
                units[u] = new ResponsibleUnit(r.ReadRequiredString(), r.ReadByte() == 1);
            sections[i] = new SectionRecord(index, level, path, "", units, r.ReadStrings());
        }
        return new DocumentRecord(id, title, notice, issuers, number, day >= 0 ? DateOnly.FromDayNumber(day) : null,
            year >= 0 ? year : null, region, type, industries, source, alternates, sections)
        { MetadataJson = metadata, Inferred = inferred };
    }
}
