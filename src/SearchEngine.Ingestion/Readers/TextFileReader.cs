using System.Text;
using SearchEngine.Core.Documents;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// Plain text in the encodings Chinese government files come in: UTF-8 with or without BOM, UTF-16 (BOM, or
/// recognised by its zero bytes), and GB18030/GBK, which is what a file that is not valid UTF-8 usually is.
/// Binary content is refused rather than decoded into garbage.
/// </summary>
public sealed class TextFileReader : IDocumentReader
{
    static TextFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public SourceFormat Format => SourceFormat.Text;

    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".text"];

    public ReadResult Read(string path) => Decode(File.ReadAllBytes(path));

    /// <summary>Decodes bytes of unknown encoding; the same detection serves HTML files without a charset.</summary>
    public static ReadResult Decode(byte[] bytes)
    {
        if (bytes.Length == 0)
            return ReadResult.Fail("the file is empty");
        // No encoding takes more than four bytes a character, so a larger file is over the text limit; it is
        // refused before decoding it costs anything.
        if (bytes.Length > 4L * ReadLimits.MaxTextChars)
            return ReadResult.Fail($"the file holds more than {ReadLimits.MaxTextCharsText} characters of text; split it into smaller files");
        if (TryDecodeWithBom(bytes, out var text))
            return CheckText(text);
        if (LooksLikeUtf16(bytes, out var utf16))
            return CheckText(utf16.GetString(bytes));
        if (Array.IndexOf(bytes, (byte)0) >= 0)
            return ReadResult.Fail("the file is binary (it contains NUL bytes), not text");
        if (TryStrict(new UTF8Encoding(false, true), bytes, out text))
            return CheckText(text);
        if (TryStrict(Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes, out text))
            return CheckText(text);
        return ReadResult.Fail("the file is neither UTF-8, UTF-16 nor GB18030 text");
    }

    private static bool TryDecodeWithBom(byte[] bytes, out string text)
    {
        text = "";
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
            return TryStrict(new UTF8Encoding(false, true), bytes.AsSpan(3), out text);
        if (bytes is [0xFF, 0xFE, ..])
            return TryStrict(new UnicodeEncoding(false, false, true), bytes.AsSpan(2), out text);
        if (bytes is [0xFE, 0xFF, ..])
            return TryStrict(new UnicodeEncoding(true, false, true), bytes.AsSpan(2), out text);
        return false;
    }

    /// <summary>UTF-16 without BOM: text in it has a zero in most even (big-endian) or odd (little-endian) bytes.</summary>
    private static bool LooksLikeUtf16(byte[] bytes, out Encoding encoding)
    {
        encoding = Encoding.Unicode;
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
            return false;
        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < bytes.Length; i += 2)
        {
            if (bytes[i] == 0) evenZeros++;
            if (bytes[i + 1] == 0) oddZeros++;
        }
        int pairs = bytes.Length / 2;
        if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05)
            return TryStrict(new UnicodeEncoding(false, false, true), bytes, out _);
        if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05)
        {
            encoding = Encoding.BigEndianUnicode;
            return TryStrict(new UnicodeEncoding(true, false, true), bytes, out _);
        }
        return false;
    }

    private static bool TryStrict(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>Decoded text that is mostly control characters was binary after all.</summary>
    private static ReadResult CheckText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ReadResult.Fail("the file holds only white space");
        int control = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        return control > text.Length / 20
            ? ReadResult.Fail("the file is binary (too many control characters), not text")
            : ReadResult.Ok(text);
    }
}
