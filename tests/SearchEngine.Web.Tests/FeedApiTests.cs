using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace SearchEngine.Web.Tests;

/// <summary>
/// 订阅 — /api/search.atom read as a strict feed reader reads it: the requirements of RFC 4287 the feed takes on,
/// its entries being the documents /api/search finds newest first, its filters, one id per search however it is
/// spelled, its refusals, its validator, and a hostile document's title and text arriving as text, never markup.
/// Every expectation comes from the API's own JSON answers over the seeds.
/// </summary>
public sealed partial class FeedApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly HttpClient _client = server.CreateClient();

    private static string E(string s) => Uri.EscapeDataString(s);

    /// <summary>The feed of a query string, checked for its media type and parsed without DTDs.</summary>
    private async Task<(XElement Feed, string Body)> Feed(string query)
    {
        using var response = await _client.GetAsync("/api/search.atom?" + query);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var feed = XDocument.Load(reader).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        return (feed, body);
    }

    /// <summary>The documents /api/search finds for a query, newest first, one hit each.</summary>
    private async Task<List<JsonElement>> Newest(string query, int size = 20)
    {
        var json = await _client.GetJson($"/api/search?{query}&sort=date_desc&group=document&size={size}");
        return [.. json.GetProperty("hits").EnumerateArray()];
    }

    private static string DocumentIdOf(XElement entry)
    {
        string id = entry.Element(Atom + "id")!.Value;
        const string Marker = ",2026:document:";
        Assert.StartsWith("tag:localhost" + Marker, id, StringComparison.Ordinal);
        return Uri.UnescapeDataString(id[(id.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..]);
    }

    private static DateTimeOffset Rfc3339(string value)
    {
        Assert.Matches(Rfc3339Pattern(), value);
        return DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
    }

    private static Uri AbsoluteLink(XElement parent, string relation)
    {
        var links = parent.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == relation).ToList();
        Assert.True(links.Count == 1, $"{parent.Name.LocalName} has {links.Count} link(s) rel={relation}");
        Assert.True(Uri.TryCreate((string?)links[0].Attribute("href"), UriKind.Absolute, out var href), $"rel={relation} is not absolute");
        Assert.Equal("http", href!.Scheme);
        return href;
    }

    [Fact]
    public async Task Given_a_search_when_its_feed_is_read_then_every_required_element_of_rfc_4287_is_there()
    {
        var (feed, _) = await Feed("q=" + E("氢能"));

        // atom:feed: exactly one id (an IRI), title and updated; an author (so entries need none); self and alternate links
        foreach (string name in new[] { "id", "title", "updated", "generator" })
            Assert.Single(feed.Elements(Atom + name));
        Assert.True(Uri.TryCreate(feed.Element(Atom + "id")!.Value, UriKind.Absolute, out var feedId) && feedId.Scheme == "tag", "the feed id is a tag: IRI");
        Assert.StartsWith("政策检索：氢能", feed.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "author")?.Element(Atom + "name")?.Value), "the feed has an author with a name");
        var self = AbsoluteLink(feed, "self");
        Assert.Equal("/api/search.atom", self.AbsolutePath);
        var alternate = AbsoluteLink(feed, "alternate");
        Assert.Equal("text/html", (string?)feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("type"));
        Assert.Equal("氢能", System.Web.HttpUtility.ParseQueryString(alternate.Query)["q"]);

        // atom:entry: one id, title, updated each; ids unique; RFC 3339 times, newest first; an alternate link, as there is no content
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            foreach (string name in new[] { "id", "title", "updated", "published", "summary" })
                Assert.Single(entry.Elements(Atom + name));
            Assert.Equal("html", (string?)entry.Element(Atom + "summary")!.Attribute("type"));
            Assert.Equal(Rfc3339(entry.Element(Atom + "updated")!.Value), Rfc3339(entry.Element(Atom + "published")!.Value));
            var link = AbsoluteLink(entry, "alternate");
            Assert.Equal(DocumentIdOf(entry), System.Web.HttpUtility.ParseQueryString(link.Query)["doc"]);
        }
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        var times = entries.Select(e => Rfc3339(e.Element(Atom + "updated")!.Value)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal(times.Max(), Rfc3339(feed.Element(Atom + "updated")!.Value));
    }

    [Fact]
    public async Task Given_a_search_when_its_feed_is_read_then_its_entries_are_the_documents_the_search_finds_newest_first()
    {
        var (feed, _) = await Feed("q=" + E("氢能"));
        var hits = await Newest("q=" + E("氢能"));
        var entries = feed.Elements(Atom + "entry").ToList();

        Assert.Equal(hits.Select(h => h.GetProperty("documentId").GetString()), entries.Select(DocumentIdOf));
        foreach (var (hit, entry) in hits.Zip(entries))
        {
            Assert.Equal(hit.GetProperty("title").GetString(), entry.Element(Atom + "title")!.Value);
            Assert.Equal(hit.GetProperty("issuers").EnumerateArray().Select(i => i.GetString()), entry.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
            Assert.Equal(hit.GetProperty("industries").EnumerateArray().Select(i => i.GetString()), entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("term")));
            // the section the search found best, on the page, with the query
            Assert.Equal(new Uri(new Uri("http://localhost/"), hit.GetProperty("url").GetString()!), new Uri(entry.Elements(Atom + "link").Single().Attribute("href")!.Value));
            // the document's date at the start of its day in China, else 1 January of its year
            var updated = Rfc3339(entry.Element(Atom + "updated")!.Value);
            Assert.Equal(TimeSpan.FromHours(8), updated.Offset);
            string expected = hit.TryGetProperty("date", out var date) ? date.GetString()! : $"{hit.GetProperty("year").GetInt32()}-01-01";
            Assert.Equal(expected, updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            // the summary names the 发文字号 and shows the snippet, marks and all
            string summary = entry.Element(Atom + "summary")!.Value;
            if (hit.TryGetProperty("documentNumber", out var number))
                Assert.Contains("发文字号：" + number.GetString(), summary, StringComparison.Ordinal);
            Assert.Contains("<mark>氢能</mark>", summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Given_one_document_in_two_feeds_then_it_has_the_same_entry_id_in_both()
    {
        var (hydrogen, _) = await Feed("q=" + E("氢能"));
        var (development, _) = await Feed("q=" + E("发展"));
        var ids = development.Elements(Atom + "entry").ToDictionary(DocumentIdOf, e => e.Element(Atom + "id")!.Value);
        var shared = hydrogen.Elements(Atom + "entry").Where(e => ids.ContainsKey(DocumentIdOf(e))).ToList();
        Assert.NotEmpty(shared);
        Assert.All(shared, e => Assert.Equal(ids[DocumentIdOf(e)], e.Element(Atom + "id")!.Value));
    }

    [Fact]
    public async Task Given_a_region_or_an_issuer_filter_then_the_feed_lists_only_the_documents_the_filtered_search_finds()
    {
        var search = await _client.GetJson("/api/search?q=" + E("发展") + "&size=1");
        int total = search.GetProperty("totalDocuments").GetInt32();
        foreach (var (facet, parameter) in new[] { ("region", "region"), ("issuer", "issuer") })
        {
            // a value that narrows the search: some documents carry it, not all
            string value = search.GetProperty("facets").GetProperty(facet).EnumerateArray()
                .First(v => v.GetProperty("count").GetInt32() < total).GetProperty("value").GetString()!;
            string query = $"q={E("发展")}&{parameter}={E(value)}";
            var (feed, _) = await Feed(query);
            var hits = await Newest(query);
            Assert.InRange(hits.Count, 1, total - 1);
            Assert.Equal(hits.Select(h => h.GetProperty("documentId").GetString()), feed.Elements(Atom + "entry").Select(DocumentIdOf));
            if (facet == "region")
                Assert.All(hits, h => Assert.Equal(value, h.GetProperty("region").GetString()));
            else
                Assert.All(feed.Elements(Atom + "entry"), e => Assert.Contains(value, e.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value)));
            Assert.Contains(value, feed.Element(Atom + "title")!.Value, StringComparison.Ordinal);
            Assert.Equal(value, System.Web.HttpUtility.ParseQueryString(AbsoluteLink(feed, "alternate").Query)[parameter]);
        }
    }

    [Fact]
    public async Task Given_one_search_spelled_two_ways_then_both_feeds_have_the_same_id_and_self_link()
    {
        string a = E("湖南省人民政府办公厅"), b = E("中共湖南省委");
        var (first, _) = await Feed($"q={E("发展")}&issuer={a}&issuer={b}&yearFrom=2021&yearTo=2024");
        var (second, _) = await Feed($"issuer={b}&year=2021..2024&q={E("发展")}&issuer={a}&size=20");
        Assert.Equal(first.Element(Atom + "id")!.Value, second.Element(Atom + "id")!.Value);
        Assert.Equal(AbsoluteLink(first, "self"), AbsoluteLink(second, "self"));
        var (other, _) = await Feed($"q={E("发展")}&issuer={a}");
        Assert.NotEqual(first.Element(Atom + "id")!.Value, other.Element(Atom + "id")!.Value);
    }

    [Theory]
    [InlineData("q=%E6%B0%A2%E8%83%BD&size=0", "size must be between 1 and 100; it was 0.")]
    [InlineData("q=%E6%B0%A2%E8%83%BD&size=101", "size must be between 1 and 100; it was 101.")]
    [InlineData("q=%E6%B0%A2%E8%83%BD&size=abc", "The parameter 'size' must be a whole number; it was 'abc'.")]
    [InlineData("q=%E6%B0%A2%E8%83%BD&year=abc", "year must be a year or a range such as 2021..2024; it was 'abc'.")]
    [InlineData("q=%E6%B0%A2%E8%83%BD&expand=maybe", "The parameter 'expand' must be true or false; it was 'maybe'.")]
    public async Task Given_a_bad_parameter_then_the_feed_answers_a_400_problem_saying_what_is_wrong(string query, string detail)
    {
        using var response = await _client.GetAsync("/api/search.atom?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Given_an_unchanged_feed_when_a_reader_polls_with_its_etag_then_it_gets_304_without_a_body()
    {
        using var first = await _client.GetAsync("/api/search.atom?q=" + E("氢能"));
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/search.atom?q=" + E("氢能"));
        again.Headers.IfNoneMatch.Add(tag);
        using var response = await _client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/search.atom?q=" + E("发展"));
        other.Headers.IfNoneMatch.Add(tag);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Given_a_document_whose_title_and_text_hold_markup_then_the_feed_parses_and_shows_them_as_text()
    {
        string id = await HostileDocument.Upload(_client);
        var (feed, body) = await Feed("q=" + E(HostileDocument.Word));

        // the raw XML holds no markup of the document's and no CDATA end: everything was escaped
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("]]>", body, StringComparison.Ordinal);
        Assert.DoesNotContain(feed.DescendantsAndSelf(), e => e.Name.LocalName == "script");

        var entry = feed.Elements(Atom + "entry").Single(e => DocumentIdOf(e) == id);
        // the title is text, with the characters exactly as the document prints them
        Assert.Equal(HostileDocument.Title, entry.Element(Atom + "title")!.Value);
        // the summary is HTML (unescaped once by the XML parser) in which the script is text and <mark> the only element besides <p>
        string html = entry.Element(Atom + "summary")!.Value;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;", html, StringComparison.Ordinal);
        var fragment = XElement.Parse("<div>" + html + "</div>");
        Assert.All(fragment.Descendants(), e => Assert.Contains(e.Name.LocalName, new[] { "p", "mark" }));
        Assert.Contains("<script>alert(1)</script>]]>", fragment.Value, StringComparison.Ordinal);
        Assert.Contains(HostileDocument.Word, fragment.Descendants("mark").Select(m => m.Value));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339Pattern();
}
