using SearchEngine.Core.Documents;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>Given the seeds, metadata is read from print where printed and inferred, marked so, where not.</summary>
public class SeedMetadataTests
{
    [Fact]
    public void Should_read_both_titles_issuer_number_and_dates_of_the_forwarding_notice_000()
    {
        var m = Seeds.Build("000").Metadata;
        Assert.Equal("湖南省“十四五”战略性新兴产业发展规划", m.Title!.Value);
        Assert.Equal("湖南省人民政府办公厅关于印发《湖南省“十四五”战略性新兴产业发展规划》的通知", m.NoticeTitle!.Value);
        Assert.Equal(["湖南省人民政府办公厅"], m.Issuers.Select(i => i.Value));
        Assert.Equal("湘政办发〔2021〕47号", m.DocumentNumber!.Value.ToString());
        Assert.Equal(new DateOnly(2021, 8, 19), m.SigningDate!.Value);
        Assert.Equal(new DateOnly(2021, 8, 27), m.PublicationDate!.Value);
        Assert.Equal(Provenance.SourceMetadata, m.PublicationDate.Provenance);
        Assert.Equal("湖南省政府网站", m.Publisher!.Value);
        Assert.Equal(("规划", 2021, "湖南省", RegionLevel.Province), (m.DocumentType!.Value, m.Year!.Value, m.Region!.Value.Name, m.Region.Value.Level));
        Assert.Equal("十四五", m.PlanningPeriod!.Value.Name);
    }

    [Fact]
    public void Should_infer_the_issuer_of_the_pdf_001_from_its_number_and_say_so()
    {
        var m = Seeds.Build("001").Metadata;
        var issuer = Assert.Single(m.Issuers);
        Assert.Equal(("湖南省人民政府办公厅", Provenance.Inferred), (issuer.Value, issuer.Provenance));
        Assert.Contains("湘政办发", issuer.Evidence, StringComparison.Ordinal);
        Assert.Equal("湘政办发〔2021〕47号", m.DocumentNumber!.Value.ToString()); // printed "47 号"
    }

    [Fact]
    public void Should_read_the_merged_preamble_of_002()
    {
        var m = Seeds.Build("002").Metadata;
        Assert.Equal("长株潭国家自主创新示范区提质升级行动计划", m.Title!.Value);
        Assert.Equal(["湖南省人民政府办公厅"], m.Issuers.Select(i => i.Value));
        Assert.Equal("湘政办发〔2024〕3号", m.DocumentNumber!.Value.ToString());
        Assert.Equal(new DateOnly(2024, 2, 2), m.SigningDate!.Value);
        Assert.Equal("行动计划", m.DocumentType!.Value);
    }

    [Fact]
    public void Should_read_joint_issuers_and_the_bracketed_date_of_003()
    {
        var m = Seeds.Build("003").Metadata;
        Assert.Equal(["中共湖南省委", "湖南省人民政府"], m.Issuers.Select(i => i.Value));
        Assert.All(m.Issuers, i => Assert.Equal(Provenance.Printed, i.Provenance));
        Assert.Equal("中共湖南省委 湖南省人民政府关于加快建设现代化产业体系的指导意见", m.Title!.Value); // cited with its issuers
        Assert.Equal(new DateOnly(2023, 10, 18), m.SigningDate!.Value);
        Assert.Equal("指导意见", m.DocumentType!.Value);
        Assert.Null(m.DocumentNumber);
    }

    [Fact]
    public void Should_leave_the_issuer_of_004_empty_and_infer_city_and_year_with_evidence()
    {
        var m = Seeds.Build("004").Metadata;
        Assert.Empty(m.Issuers);
        Assert.Null(m.SigningDate);
        Assert.Equal(("怀化市", RegionLevel.City, Provenance.Inferred), (m.Region!.Value.Name, m.Region.Value.Level, m.Region.Provenance));
        Assert.Contains("市科技局", m.Region.Evidence, StringComparison.Ordinal);
        Assert.Equal((2026, Provenance.Inferred), (m.Year!.Value, m.Year.Provenance));
        Assert.Contains("十五五", m.Year.Evidence, StringComparison.Ordinal);
        Assert.Equal("实施方案", m.DocumentType!.Value);
    }

    [Fact]
    public void Should_point_every_printed_evidence_offset_at_its_evidence()
    {
        foreach (var d in Seeds.Report.Documents)
        {
            var m = d.Metadata;
            var printed = new[] { m.Title?.Offset, m.DocumentNumber?.Offset, m.SigningDate?.Offset }
                .Concat(m.Issuers.Where(i => i.Provenance == Provenance.Printed).Select(i => (int?)i.Offset));
            Assert.All(printed.Where(o => o is not null), o => Assert.InRange(o!.Value, 0, d.Text.Length - 1));
            if (m.DocumentNumber is { Provenance: Provenance.Printed } number)
                Assert.Equal(number.Evidence, d.Text.Substring(number.Offset, number.Evidence.Length));
        }
    }
}
