using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>
/// Seeded mutation fuzzing of every reader: each fixture with random bytes flipped, inserted and cut, many times.
/// The ingester must answer every file with a document or a reason, never an exception, in bounded time.
/// Seeds are fixed, so a failure reproduces; each failure found becomes a case here.
/// </summary>
public sealed class ReaderFuzzTests : TempFolderTest
{
    private const int Mutations = 40;

    [Theory]
    [InlineData("policy-utf8.txt", 1)]
    [InlineData("policy-gb18030.txt", 2)]
    [InlineData("policy-utf16le.txt", 3)]
    [InlineData("policy.html", 4)]
    [InlineData("policy.docx", 5)]
    [InlineData("policy.pdf", 6)]
    [InlineData("policy.md", 7)]
    [InlineData("policy.doc", 8)]
    [InlineData("policy.wps", 9)]
    [InlineData("policy.xlsx", 10)]
    [InlineData("policy.ofd", 11)]
    public void Should_answer_every_mutated_file_with_a_document_or_a_reason(string fixture, int seed)
    {
        var original = File.ReadAllBytes(Seeds.Fixture(fixture));
        var random = new Random(seed);
        var ingester = new PolicyFileIngester();
        int documents = 0, reasons = 0;
        for (int i = 0; i < Mutations; i++)
        {
            var bytes = Mutate(original, random);
            string path = Path.Combine(Folder, $"m{i}{Path.GetExtension(fixture)}");
            File.WriteAllBytes(path, bytes);
            var (document, error) = ingester.IngestFile(path, Path.GetFileName(path));
            Assert.True(document is not null ^ error is not null, $"{fixture} mutation {i} (seed {seed}): neither or both");
            if (document is not null)
            {
                documents++;
                Assert.All(document.Sections, s => Assert.InRange(s.End, s.Start, document.Text.Length));
            }
            else
            {
                reasons++;
                Assert.False(string.IsNullOrWhiteSpace(error));
            }
        }
        Assert.Equal(Mutations, documents + reasons);
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = random.Next(1, 12);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at); // truncation
                    break;
            }
        }
        return [.. bytes];
    }
}
