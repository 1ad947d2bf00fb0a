using SearchEngine.Core.Documents;
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
