using System.Globalization;
using System.Text;

namespace SearchEngine.Core.Analysis;

/// <summary>
/// Text normalised for analysis, with the way back: NFKC (full width → half width, compatibility forms),
/// lower case, traditional → simplified. Each normalised character records the original span it came from,
/// so a token found in normalised text reports exact offsets in the original.
/// </summary>
internal sealed class NormalizedText
{
    private readonly char[] _chars;
    private readonly int[] _sourceStart;
    private readonly int[] _sourceEnd;

    private NormalizedText(char[] chars, int[] sourceStart, int[] sourceEnd, int length)
    {
        _chars = chars;
        _sourceStart = sourceStart;
        _sourceEnd = sourceEnd;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, Length);

    public char this[int i] => _chars[i];

    /// <summary>Original offset of normalised character <paramref name="i"/>.</summary>
    public int SourceStart(int i) => _sourceStart[i];

    /// <summary>Original offset after normalised character <paramref name="i"/>.</summary>
    public int SourceEnd(int i) => _sourceEnd[i];

    public string Slice(int start, int end) => new(_chars, start, end - start);

    /// <summary>The normalised form of a text, without the offsets: for comparing terms and dictionary keys.</summary>
    public static string Of(string text)
    {
        var normalized = Create(text);
        return normalized.Slice(0, normalized.Length);
    }

    public static NormalizedText Create(string original) => Create(original, null);

    /// <summary>
    /// The normalised text, in <paramref name="scratch"/>'s arrays when given: the result is then valid only until
    /// the thread's next analysis.
    /// </summary>
    public static NormalizedText Create(string original, AnalysisScratch? scratch)
    {
        int capacity = original.Length + 16;
        var chars = scratch is null ? new char[capacity] : AnalysisScratch.Ensure(ref scratch.Chars, capacity);
        var starts = scratch is null ? new int[capacity] : AnalysisScratch.Ensure(ref scratch.SourceStarts, capacity);
        var ends = scratch is null ? new int[capacity] : AnalysisScratch.Ensure(ref scratch.SourceEnds, capacity);
        int n = 0;
        var converter = TraditionalToSimplified.Default;
        bool anyTraditional = false;
        int lastCodePoint = -1;
        string lastNormal = "";
        for (int i = 0; i < original.Length; i++)
        {
            char c = original[i];
            int width = char.IsHighSurrogate(c) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]) ? 2 : 1;
            if (width == 1 && TryFastFold(c, out char folded))
            {
                Append(ref chars, ref starts, ref ends, ref n, folded, i, i + 1);
                anyTraditional |= converter.IsTraditional(folded);
                continue;
            }
            int codePoint = width == 2 ? char.ConvertToUtf32(c, original[i + 1]) : c;
            if (codePoint != lastCodePoint)
            {
                // Runs of one character (a table rule, a ligature repeated) normalise once, not once per character.
                lastCodePoint = codePoint;
                lastNormal = IsLoneSurrogate(c, width) ? " " : NormalizeUnit(original.Substring(i, width), codePoint);
            }
            foreach (char nc in lastNormal)
            {
                Append(ref chars, ref starts, ref ends, ref n, nc, i, i + width);
                anyTraditional |= converter.IsTraditional(nc);
            }
            i += width - 1;
        }
        if (anyTraditional)
            converter.Convert(chars.AsSpan(0, n));
        if (scratch is not null)
        {
            // Append may have grown the arrays (characters that expand); the next text reuses the grown ones.
            (scratch.Chars, scratch.SourceStarts, scratch.SourceEnds) = (chars, starts, ends);
        }
        return new NormalizedText(chars, starts, ends, n);
    }

    /// <summary>
    /// The longest NFKC form a character may take. Almost every expansion is short (½ → 1⁄2, ⑽ → (10), Ⅷ → viii,
    /// ㎡ → m2), but a few characters expand far: U+FDFA ﷺ to 18 characters, U+FDFB to 8, squared katakana such as ㌖
    /// to 6. Unbounded, 1 MB of U+FDFA became 18 M characters and every per-character array of the analyzer grew
    /// with it (740 MB in the server). A character whose form is longer keeps its original (lower-cased), which is
    /// what a query containing it normalises to as well, so it stays searchable; the normalised text is then at
    /// most <see cref="MaxExpansion"/> times the original, and each character still maps to its exact source span.
    /// Four keeps every form Chinese documents rely on (the longest are the enclosed numbers ⑽ … ⒇ and Ⅷ); what it
    /// leaves as printed are some 30 rare characters (squared katakana words, Arabic ligatures, some units and musical symbols).
    /// </summary>
    internal const int MaxExpansion = 4;

    private static string NormalizeUnit(string unit, int codePoint)
    {
        // An unassigned code point is its own NFKC form, and ICU rejects one of them (U+FFFE) with an exception.
        if (CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.OtherNotAssigned)
            return unit;
        string normal = unit.Normalize(NormalizationForm.FormKC);
        // ToLowerInvariant maps char by char, so it keeps the length.
        return (normal.Length <= MaxExpansion ? normal : unit).ToLowerInvariant();
    }

    /// <summary>The common characters fold without the cost of NFKC: ASCII, CJK ideographs, full-width ASCII.</summary>
    private static bool TryFastFold(char c, out char folded)
    {
        if (c < 0x80)
        {
            folded = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            return true;
        }
        if (c is >= '\u4e00' and <= '\u9fff' || c is >= '\u3001' and <= '\u303f' || c is '“' or '”' or '‘' or '’' or '—' or '…' or '·')
        {
            folded = c;
            return true;
        }
        if (c is >= '\uff01' and <= '\uff5e')
        {
            folded = (char)(c - 0xfee0);
            folded = folded is >= 'A' and <= 'Z' ? (char)(folded + 32) : folded;
            return true;
        }
        if (c == '\u3000')
        {
            folded = ' ';
            return true;
        }
        folded = c;
        return false;
    }

    private static bool IsLoneSurrogate(char c, int width) => width == 1 && char.IsSurrogate(c);

    private static void Append(ref char[] chars, ref int[] starts, ref int[] ends, ref int n, char c, int start, int end)
    {
        if (n == chars.Length)
        {
            Array.Resize(ref chars, chars.Length * 2);
            Array.Resize(ref starts, chars.Length);
            Array.Resize(ref ends, chars.Length);
        }
        chars[n] = c;
        starts[n] = start;
        ends[n] = end;
        n++;
    }
}
