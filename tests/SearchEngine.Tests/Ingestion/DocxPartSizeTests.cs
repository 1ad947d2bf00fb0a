using System.IO.Compression;
using System.Text;
using SearchEngine.Ingestion.Readers;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>
/// Given a .docx whose document.xml is larger than the reader loads (stored uncompressed, so no zip-bomb ratio
/// catches it), when it is read, then it is refused from the zip's directory with the size and a way out, before
/// the Open XML library would build the whole part in memory (1.25 GB for 118 MiB, measured for issue 10).
/// </summary>
public sealed class DocxPartSizeTests : TempFolderTest
{
    [Fact]
    public void Should_refuse_a_docx_whose_document_part_is_too_large_to_load()
    {
        string path = Path.Combine(Folder, "huge.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.NoCompression).Open();
            var paragraph = Encoding.UTF8.GetBytes("<w:p><w:r><w:t>推进氢能产业发展，加快燃料电池示范应用。</w:t></w:r></w:p>");
            long written = 0;
            while (written <= DocxReader.MaxXmlPartBytes)
            {
                document.Write(paragraph);
                written += paragraph.Length;
            }
        }

        var result = new DocxReader().Read(path);

        Assert.False(result.Succeeded);
        Assert.Contains("XML part of 40 MiB", result.Error, StringComparison.Ordinal);
        Assert.Contains("Split the document", result.Error, StringComparison.Ordinal);
    }
}
