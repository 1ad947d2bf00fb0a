using SearchEngine.Core.Documents;
using SearchEngine.Core.Text;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Core.Text;

public class SearchFoldingTests
{
    [Theory]
    [InlineData("湘政办发〔2021〕47号", "湘政办发(2021)47号")]
    [InlineData("湘政办发［2021］47号", "湘政办发(2021)47号")]
    [InlineData("（一）发展基础。", "(一)发展基础。")]
    [InlineData("２０２５年ＡＩ与５Ｇ", "2025年ai与5g")]
    [InlineData("专栏1：高端装备产业", "专栏1:高端装备产业")]
    public void Should_fold_variants_to_one_form(string printed, string folded) =>
        Assert.Equal(folded, SearchFolding.Fold(printed));

    [Fact]
    public void Should_keep_length_and_be_idempotent_on_random_text()
    {
        var random = new Random(99);
        for (int run = 0; run < 500; run++)
        {
            string text = new(Enumerable.Range(0, random.Next(0, 80)).Select(_ => (char)random.Next(0, 0xffff)).ToArray());
            string once = SearchFolding.Fold(text);
            Assert.Equal(text.Length, once.Length);
            Assert.Equal(once, SearchFolding.Fold(once));
        }
    }

    [Fact]
    public void Should_make_the_headings_of_the_web_page_and_the_pdf_of_one_plan_equal()
    {
        // 000 prints half-width (一) and 专栏1:, 001 full-width （一） and 专栏1：
        static IEnumerable<string> Headings(PolicyDocument d) => d.Sections.Select(s => SearchFolding.Fold(s.Heading));
        Assert.Equal(Headings(Seeds.Build("000")), Headings(Seeds.Build("001")));
    }
}
