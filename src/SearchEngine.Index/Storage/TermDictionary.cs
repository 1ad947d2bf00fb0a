using System.Text;

namespace SearchEngine.Index.Storage;

/// <summary>
/// The encoding of a segment's term dictionary: terms in ordinal order, each as the length of the prefix it shares
/// with the term before (UTF-16 units, never splitting a surrogate pair) and its UTF-8 suffix, then its document
/// frequency and the byte lengths of its docs and positions; offsets are the running sums of those lengths.
/// </summary>
internal static class TermDictionary
{
    /// <summary>How many blocks a term of <paramref name="docFrequency"/> postings has (the last may be short).</summary>
    public static int BlockCount(int docFrequency) =>
        (docFrequency + Postings.TermPostingsWriter.BlockSize - 1) / Postings.TermPostingsWriter.BlockSize;

    /// <summary>The prefix <paramref name="term"/> may take from <paramref name="previous"/>, ending on a whole character.</summary>
    public static int SharedPrefix(string previous, string term)
    {
        int shared = previous.AsSpan().CommonPrefixLength(term);
        // A suffix starting with a lone low surrogate would not survive UTF-8.
        if (shared > 0 && char.IsHighSurrogate(term[shared - 1]))
            shared--;
        return shared;
    }

    public static void WriteSuffix(ByteWriter output, ReadOnlySpan<char> suffix)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(suffix)];
        Encoding.UTF8.GetBytes(suffix, bytes);
        output.WriteVarInt(bytes.Length);
        output.WriteBytes(bytes);
    }

    public static string ReadSuffix(ref ByteReader input) => Encoding.UTF8.GetString(input.ReadBytes(input.ReadVarInt()));
}
