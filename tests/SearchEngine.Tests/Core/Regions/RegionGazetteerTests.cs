using System.Text;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Regions;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Core.Regions;

/// <summary>The gazetteer's data as a whole, the 简称, and the mention finder (cases per name are in region-cases.txt).</summary>
public class RegionGazetteerTests
{
    private static readonly RegionGazetteer Gazetteer = RegionGazetteer.Default;

    private static IEnumerable<Region> AtLevel(RegionLevel level) => Gazetteer.Regions.Where(r => r.Level == level);

    /// <summary>The 34 provincial-level divisions with their short forms and 简称.</summary>
    public static TheoryData<string, string, string> Provinces() => new()
    {
        { "北京市", "北京", "京" }, { "天津市", "天津", "津" }, { "河北省", "河北", "冀" }, { "山西省", "山西", "晋" },
        { "内蒙古自治区", "内蒙古", "蒙" }, { "辽宁省", "辽宁", "辽" }, { "吉林省", "吉林", "吉" }, { "黑龙江省", "黑龙江", "黑" },
        { "上海市", "上海", "沪" }, { "江苏省", "江苏", "苏" }, { "浙江省", "浙江", "浙" }, { "安徽省", "安徽", "皖" },
        { "福建省", "福建", "闽" }, { "江西省", "江西", "赣" }, { "山东省", "山东", "鲁" }, { "河南省", "河南", "豫" },
        { "湖北省", "湖北", "鄂" }, { "湖南省", "湖南", "湘" }, { "广东省", "广东", "粤" }, { "广西壮族自治区", "广西", "桂" },
        { "海南省", "海南", "琼" }, { "重庆市", "重庆", "渝" }, { "四川省", "四川", "川蜀" }, { "贵州省", "贵州", "贵黔" },
        { "云南省", "云南", "云滇" }, { "西藏自治区", "西藏", "藏" }, { "陕西省", "陕西", "陕秦" }, { "甘肃省", "甘肃", "甘陇" },
        { "青海省", "青海", "青" }, { "宁夏回族自治区", "宁夏", "宁" }, { "新疆维吾尔自治区", "新疆", "新" }, { "台湾省", "台湾", "台" },
        { "香港特别行政区", "香港", "港" }, { "澳门特别行政区", "澳门", "澳" },
    };

    [Theory]
    [MemberData(nameof(Provinces))]
    public void Should_resolve_every_province_from_its_full_name_short_form_and_abbreviations(string name, string shortForm, string abbreviations)
    {
        var province = Gazetteer.Find(name);
        Assert.NotNull(province);
        Assert.Equal((name, RegionLevel.Province, name), (province.Name, province.Level, province.Province));
        Assert.Same(province, Gazetteer.Find(shortForm));
        Assert.Same(province, Gazetteer.OfIssuer(name + "人民政府"));
        foreach (char abbreviation in abbreviations)
            Assert.Same(province, Gazetteer.ProvinceOfAbbreviation(abbreviation));
    }

    [Fact]
    public void Should_hold_34_provinces_about_333_prefectures_and_about_2850_counties()
    {
        Assert.Equal(34, AtLevel(RegionLevel.Province).Count());
        Assert.InRange(AtLevel(RegionLevel.City).Count(), 325, 340);
        Assert.InRange(AtLevel(RegionLevel.County).Count(), 2800, 2900);
        Assert.Single(AtLevel(RegionLevel.Nation));
    }

    [Fact]
    public void Should_keep_the_nation_as_before() =>
        Assert.Equal(new Region("中国", RegionLevel.Nation, "中国"), Gazetteer.Find("中国"));

    [Fact]
    public void Should_hold_no_statistical_placeholder_or_development_zone()
    {
        string[] placeholders = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];
        Assert.DoesNotContain(Gazetteer.Regions, r => placeholders.Contains(r.Name) || r.Name.EndsWith("开发区", StringComparison.Ordinal));
        Assert.DoesNotContain(Gazetteer.Regions, r => r.Name.Contains("新疆生产建设兵团", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_end_every_county_and_city_parent_chain_at_its_province_and_then_the_nation()
    {
        foreach (var region in Gazetteer.Regions.Where(r => r.Level > RegionLevel.Province))
        {
            var chain = new List<Region>();
            for (var at = Gazetteer.Parent(region); at is not null && chain.Count < 5; at = Gazetteer.Parent(at))
                chain.Add(at);
            Assert.True(chain.Count is 2 or 3, $"{region.Name} ({region.Code}): chain {string.Join(" → ", chain.Select(r => r.Name))}");
            Assert.Equal(RegionLevel.Nation, chain[^1].Level);
            Assert.Equal((RegionLevel.Province, region.Province), (chain[^2].Level, chain[^2].Name));
            Assert.True(chain[0].Level < region.Level, $"{region.Name}: parent {chain[0].Name} is not above it");
            if (region.City is not null)
                Assert.Equal(region.City, chain[0].Name);
        }
    }

    [Fact]
    public void Should_find_every_region_by_its_code_and_its_parent_by_the_code_prefix()
    {
        foreach (var region in Gazetteer.Regions.Where(r => r.Level != RegionLevel.Nation))
        {
            Assert.Matches("^[1-8][0-9]{5}$", region.Code);
            Assert.Same(region, Gazetteer.ByCode(region.Code));
            // GB/T 2260: two digits of province, two of prefecture, two of county.
            var parent = Gazetteer.Parent(region)!;
            if (parent.Level == RegionLevel.Nation)
                continue;
            int shared = parent.Level == RegionLevel.City ? 4 : 2;
            Assert.Equal(parent.Code[..shared], region.Code[..shared]);
        }
        Assert.Equal("湖南省", Gazetteer.ByCode("430000")?.Name);
        Assert.Equal("怀化市", Gazetteer.ByCode("431200")?.Name);
        Assert.Null(Gazetteer.ByCode("999999"));
    }

    [Theory]
    [InlineData("仙桃市", "湖北省")]
    [InlineData("济源市", "河南省")]
    [InlineData("石河子市", "新疆维吾尔自治区")]
    [InlineData("神农架林区", "湖北省")]
    [InlineData("五指山市", "海南省")]
    [InlineData("东城区", "北京市")]
    [InlineData("浦东新区", "上海市")]
    [InlineData("城口县", "重庆市")]
    public void Should_hang_counties_the_province_governs_directly_from_the_province(string county, string province)
    {
        var region = Gazetteer.Find(county)!;
        Assert.Equal((RegionLevel.County, province, null), (region.Level, region.Province, region.City));
        Assert.Equal(province, Gazetteer.Parent(region)?.Name);
    }

    [Fact]
    public void Should_give_a_county_its_prefecture_as_city()
    {
        var county = Gazetteer.Find("洪江市")!;
        Assert.Equal(("怀化市", "湖南省"), (county.City, county.Province));
        Assert.Equal("怀化市", Gazetteer.Parent(county)?.Name);
        Assert.Equal("湖南省", Gazetteer.Parent(Gazetteer.Parent(county)!)?.Name);
    }

    [Fact]
    public void Should_know_the_parent_of_a_region_read_back_without_its_code()
    {
        Assert.Equal("湖南省", Gazetteer.Parent(new Region("怀化市", RegionLevel.City, "湖南省"))?.Name);
        Assert.Equal(RegionLevel.Nation, Gazetteer.Parent(new Region("湖南省", RegionLevel.Province, "湖南省"))?.Level);
        Assert.Null(Gazetteer.Parent(new Region("中国", RegionLevel.Nation, "中国")));
    }

    [Theory]
    [InlineData('X')]
    [InlineData('省')]
    [InlineData('国')]
    public void Should_know_no_province_for_a_character_that_is_no_abbreviation(char c) =>
        Assert.Null(Gazetteer.ProvinceOfAbbreviation(c));

    [Fact]
    public void Should_find_full_names_and_short_forms_left_to_right_longest_first()
    {
        const string text = "湖南省长沙市浏阳市与湘西州、怀化和广东深圳市合作";
        var mentions = Gazetteer.FindMentions(text).Select(m => (m.Form, m.Region.Name, m.Offset)).ToList();
        Assert.Equal(
        [
            ("湖南省", "湖南省", 0), ("长沙市", "长沙市", 3), ("浏阳市", "浏阳市", 6), ("湘西州", "湘西土家族苗族自治州", 10),
            ("怀化", "怀化市", 14), ("广东", "广东省", 17), ("深圳市", "深圳市", 19),
        ], mentions);
    }

    [Fact]
    public void Should_resolve_a_shared_name_by_the_region_named_before_it()
    {
        var mentions = Gazetteer.FindMentions("南京市鼓楼区和福州市鼓楼区，北京市朝阳区，鼓楼区").ToList();
        Assert.Equal(["南京市", "鼓楼区", "福州市", "鼓楼区", "北京市", "朝阳区"], mentions.Select(m => m.Region.Name));
        Assert.Equal("南京市", mentions[1].Region.City);
        Assert.Equal("福州市", mentions[3].Region.City);
        Assert.Equal("北京市", mentions[5].Region.Province);
    }

    [Theory]
    [InlineData("湘政办发〔2021〕47号，粤府函，赣府厅发，川办发，京政发，湘江两岸")]
    [InlineData("会同有关部门延长期限，发展新兴产业，加强公安机关合作，推进城区和郊区建设，各市和县人民政府")]
    [InlineData("维护社会长治久安，阿里巴巴，孙中山")]
    public void Should_not_read_abbreviations_or_common_words_as_mentions(string text) =>
        Assert.Empty(Gazetteer.FindMentions(text));

    [Fact]
    public void Should_still_find_a_county_whose_short_form_is_a_common_word_by_its_longer_names()
    {
        var mentions = Gazetteer.FindMentions("会同县、通道县、公安县和通道侗族自治县").Select(m => m.Region.Name);
        Assert.Equal(["会同县", "通道侗族自治县", "公安县", "通道侗族自治县"], mentions);
        Assert.Equal("会同县", Gazetteer.Find("会同")?.Name);
    }

    [Fact]
    public void Should_count_mentions_per_region_with_the_full_name_when_used()
    {
        var counts = Gazetteer.CountMentions("怀化市人民政府。怀化、怀化市、长沙").ToDictionary(c => c.Region.Name);
        Assert.Equal((3, "怀化市"), (counts["怀化市"].Count, counts["怀化市"].Name));
        Assert.Equal((1, "长沙"), (counts["长沙市"].Count, counts["长沙市"].Name));
    }

    [Fact]
    public void Should_return_ordered_non_overlapping_in_bounds_mentions_of_two_or_more_characters_on_random_text()
    {
        // Text made of region names, their pieces, abbreviations, common words and random Han characters.
        var random = new Random(20240917);
        var names = Gazetteer.Regions.Select(r => r.Name).ToArray();
        string[] extras = ["湘", "粤", "省", "市", "县", "区", "州", "会同", "长治久安", "自治", "人民政府", "，", "。", "\n", " "];
        for (int round = 0; round < 300; round++)
        {
            var builder = new StringBuilder();
            int parts = random.Next(1, 60);
            for (int i = 0; i < parts; i++)
            {
                string name = names[random.Next(names.Length)];
                builder.Append(random.Next(5) switch
                {
                    0 => name,
                    1 => name[random.Next(name.Length)..],
                    2 => name[..random.Next(1, name.Length + 1)],
                    3 => extras[random.Next(extras.Length)],
                    _ => (char)random.Next(0x4e00, 0x9fa6),
                });
            }
            string text = builder.ToString();
            int end = 0;
            foreach (var mention in Gazetteer.FindMentions(text))
            {
                Assert.True(mention.Offset >= end, $"'{text}': {mention.Form} at {mention.Offset} overlaps the mention ending at {end}");
                Assert.True(mention.Length >= 2 && mention.Offset + mention.Length <= text.Length, $"'{text}': {mention}");
                Assert.Equal(mention.Form, text.Substring(mention.Offset, mention.Length));
                Assert.Contains(mention.Region, Gazetteer.Regions);
                end = mention.Offset + mention.Length;
            }
        }
    }

    [Fact]
    public void Should_scan_a_200_kb_text_in_one_pass()
    {
        // A performance sanity check without a timing assert: the benchmark (RegionBenchmarks) measures it.
        var seeds = Directory.GetFiles(Seeds.SeedFolder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var builder = new StringBuilder();
        for (int i = 0; Encoding.UTF8.GetByteCount(builder.ToString()) < 200_000; i++)
            builder.Append(seeds[i % seeds.Length]);
        var mentions = Gazetteer.FindMentions(builder.ToString()).ToList();
        Assert.True(mentions.Count > 100, $"{mentions.Count} mentions");
    }
}
