using System.Globalization;
using System.Text;

namespace SearchEngine.Index.Storage;

/// <summary>
/// The last line of a text file of the index (a commit file, CURRENT): <c>crc32:XXXXXXXX</c>, the CRC-32 of every
/// byte before it. The text stays readable in an editor, and a torn or edited file is told from a complete one.
/// </summary>
internal static class ChecksumTrailer
{
    private const string Prefix = "crc32:";

    /// <summary>Prefix, 8 hex digits and a newline.</summary>
    private const int Length = 6 + 8 + 1;

    /// <summary>The body (which gets a final newline if it has none) followed by its checksum line.</summary>
    public static byte[] Append(ReadOnlySpan<byte> body)
    {
        var text = new List<byte>(body.Length + Length + 1);
        text.AddRange(body);
        if (body.IsEmpty || body[^1] != (byte)'\n')
            text.Add((byte)'\n');
        uint crc = Crc32.Compute(text.ToArray());
        text.AddRange(Encoding.ASCII.GetBytes(Prefix + crc.ToString("x8", CultureInfo.InvariantCulture) + "\n"));
        return [.. text];
    }

    /// <summary>
    /// Null when the checksum line is present and matches, else what is wrong. <paramref name="body"/> is the text
    /// before the checksum line when there is one (even one that does not match), else the whole file.
    /// </summary>
    public static string? Verify(byte[] file, out byte[] body)
    {
        body = file;
        if (file.Length < Length || file[^1] != (byte)'\n' || !file.AsSpan(file.Length - Length, Prefix.Length).SequenceEqual(Encoding.ASCII.GetBytes(Prefix)))
            return "has no checksum line (it is torn, or was written by an older build)";
        body = file.AsSpan(0, file.Length - Length).ToArray();
        string hex = Encoding.ASCII.GetString(file, file.Length - Length + Prefix.Length, 8);
        if (!uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint expected) || Crc32.Compute(body) != expected)
            return "fails its checksum (it was damaged or edited)";
        return null;
    }
}
