using SearchEngine.Web.Export;

namespace SearchEngine.Web.Tests.Export;

/// <summary>One CSV field as written: quoted only when it must be, formulas defended, and read back unchanged.</summary>
public sealed class CsvFormatTests
{
    [Theory]
    [InlineData("氢能", "氢能")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+86", "'+86")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=a,b", "\"'=a,b\"")]
    [InlineData("a=b", "a=b")]
    public void Given_a_value_then_its_field_is_quoted_and_defended_as_written_here(string value, string field) =>
        Assert.Equal(field, CsvFormat.Field(value));

    [Fact]
    public void Given_random_values_then_a_line_reads_back_as_the_same_values_a_defended_one_with_its_quote()
    {
        var random = new Random(4180);
        const string Alphabet = "氢能,\"\r\n =+-@\tab'";
        for (int n = 0; n < 300; n++)
        {
            var values = Enumerable.Range(0, random.Next(1, 6))
                .Select(_ => new string([.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => Alphabet[random.Next(Alphabet.Length)])])).ToList();
            var read = Rfc4180.Parse(CsvFormat.Line(values)).Single();
            Assert.Equal(values.Select(v => v.Length > 0 && "=+-@\t\r".Contains(v[0], StringComparison.Ordinal) ? "'" + v : v), read);
        }
    }
}
