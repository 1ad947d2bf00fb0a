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

    public static NormalizedText Create(string original)
    {
        int capacity = original.Length + 16;
        var chars = new char[capacity];
        var starts = new int[capacity];
        var ends = new int[capacity];
        int n = 0;
        var converter = TraditionalToSimplified.Default;
        bool anyTraditional = false;
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
            string unit = original.Substring(i, width);
            string normal = IsLoneSurrogate(c, width) ? " " : unit.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
            foreach (char nc in normal)
            {
                Append(ref chars, ref starts, ref ends, ref n, nc, i, i + width);
                anyTraditional |= converter.IsTraditional(nc);
            }
            i += width - 1;
        }
        if (anyTraditional)
            converter.Convert(chars.AsSpan(0, n));
        return new NormalizedText(chars, starts, ends, n);
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
