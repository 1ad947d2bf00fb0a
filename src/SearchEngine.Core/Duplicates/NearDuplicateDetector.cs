using System.Text;

namespace SearchEngine.Core.Duplicates;

/// <summary>
/// Recognises the same document arriving from different files (000 is a web page of the plan, 001 its PDF
/// extraction). Texts are reduced to letters and digits with widths folded, cut into character 5-gram
/// shingles and summarised by a 128-value MinHash signature; two documents whose estimated Jaccard
/// similarity reaches <see cref="Threshold"/> are the same. Groups are closed transitively.
/// </summary>
public sealed class NearDuplicateDetector
{
    public const double Threshold = 0.8;
    private const int ShingleLength = 5;
    private const int SignatureLength = 128;
    private static readonly (ulong A, ulong B)[] HashParameters = CreateHashParameters();

    /// <summary>The MinHash signature of a text.</summary>
    public static ulong[] Signature(string text)
    {
        var signature = new ulong[SignatureLength];
        Array.Fill(signature, ulong.MaxValue);
        string folded = Fold(text);
        for (int i = 0; i + ShingleLength <= folded.Length; i++)
        {
            ulong shingle = Fnv1a(folded.AsSpan(i, ShingleLength));
            for (int h = 0; h < SignatureLength; h++)
            {
                ulong v = (HashParameters[h].A * shingle) + HashParameters[h].B;
                if (v < signature[h])
                    signature[h] = v;
            }
        }
        return signature;
    }

    /// <summary>Estimated Jaccard similarity of the shingle sets behind two signatures.</summary>
    public static double Similarity(ulong[] a, ulong[] b)
    {
        int same = 0;
        for (int i = 0; i < SignatureLength; i++)
        {
            if (a[i] == b[i] && a[i] != ulong.MaxValue)
                same++;
        }
        return (double)same / SignatureLength;
    }

    /// <summary>Groups of indices into <paramref name="texts"/> that are near-duplicates; singletons are left out.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyList<string> texts)
    {
        var signatures = texts.Select(Signature).ToArray();
        var parent = Enumerable.Range(0, texts.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (int i = 0; i < texts.Count; i++)
        {
            for (int j = i + 1; j < texts.Count; j++)
            {
                if (Similarity(signatures[i], signatures[j]) >= Threshold)
                    parent[Find(j)] = Find(i);
            }
        }
        return [.. Enumerable.Range(0, texts.Count)
            .GroupBy(Find)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<int>)[.. g])];
    }

    /// <summary>Letters and digits only, full width folded to half width, so layout and punctuation do not count.</summary>
    private static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char raw in text)
        {
            char c = raw is >= '\uff01' and <= '\uff5e' ? (char)(raw - 0xfee0) : raw;
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static ulong Fnv1a(ReadOnlySpan<char> s)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in s)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    private static (ulong, ulong)[] CreateHashParameters()
    {
        // Fixed seed: signatures must be comparable across runs and processes.
        var random = new Random(20210827);
        return [.. Enumerable.Range(0, SignatureLength).Select(_ => ((ulong)random.NextInt64() | 1UL, (ulong)random.NextInt64()))];
    }
}
