using SearchEngine.Core.Documents;
using SearchEngine.Core.Text;

namespace SearchEngine.Tests.Core.Text;

/// <summary>
/// The marker table (outline-markers.txt): "INPUT => Level Number Length [Components]" is the marker read at the
/// start of INPUT, "INPUT => none" says there is none. Adding a case is adding a line.
/// </summary>
public class OutlineMarkerTests
{
    private static readonly string TablePath = Path.Combine(Support.Seeds.RepositoryRoot, "tests", "SearchEngine.Tests", "Core", "Text", "outline-markers.txt");

    public static TheoryData<int, string, string> Cases()
    {
        var data = new TheoryData<int, string, string>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(TablePath))
        {
            lineNumber++;
            int at = line.IndexOf(" => ", StringComparison.Ordinal);
            if (line.TrimStart().StartsWith('#') || at < 0)
                continue;
            data.Add(lineNumber, line[..at], line[(at + 4)..].Trim());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_read_markers_as_the_table_says(int line, string input, string expected)
    {
        bool read = OutlineMarker.TryRead(input, 0, out var marker);
        string got = !read ? "none" : $"{marker.Level} {marker.Number} {marker.Length}"
            + (marker.Components is { } c ? " " + string.Join('.', c) : "");
        Assert.True(got == expected, $"{TablePath}:{line}: {input} => {got} (expected {expected})");
    }

    [Fact]
    public void Should_hold_a_case_for_every_heading_level()
    {
        var levels = Cases().Select(row => ((string)row[2]).Split(' ')[0]).ToHashSet();
        var missing = Enum.GetNames<HeadingLevel>().Where(l => l != nameof(HeadingLevel.Preamble) && !levels.Contains(l));
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_read_ocr_damaged_item_eleven_where_the_outline_expects_it()
    {
        Assert.False(OutlineMarker.TryRead("IL前瞻布局未来产业", 0, out _));
        Assert.True(OutlineMarker.TryRead("IL前瞻布局未来产业", 0, out var marker, expectedItem: 11));
        Assert.Equal((HeadingLevel.Item, 11), (marker.Level, marker.Number));
    }
}
