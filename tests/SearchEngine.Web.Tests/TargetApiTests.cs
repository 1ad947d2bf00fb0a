using System.Net;
using System.Text.Json;
using SearchEngine.Ingestion.Pipeline;

namespace SearchEngine.Web.Tests;

/// <summary>/api/targets and the document view's targets, over the seeds.</summary>
public sealed class TargetApiTests(ServerFixture server) : TargetApiContract<ServerFixture>(server);

/// <summary>The same tests over the Lucene.Net engine: the API is the contract, whatever the engine.</summary>
public sealed class TargetApiTestsOnLucene(LuceneServerFixture server) : TargetApiContract<LuceneServerFixture>(server);

/// <summary>The tests themselves, run on each engine by the two classes above.</summary>
public abstract class TargetApiContract<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    private readonly HttpClient _client = server.CreateClient();

    private static string Q(string text) => Uri.EscapeDataString(text);

    private static List<JsonElement> Targets(JsonElement json) => [.. json.GetProperty("targets").EnumerateArray()];

    /// <summary>The seeds as the server indexes them (near-duplicates folded), each with the targets ingestion extracted.</summary>
    private static readonly Lazy<IReadOnlyList<SearchEngine.Core.Documents.PolicyDocument>> Seeds = new(() =>
        new PolicyFileIngester().Ingest([Path.Combine(ServerFixture.RepositoryRoot, "seeds")], ServerFixture.RepositoryRoot).Documents);

    [Fact]
    public async Task Which_plans_set_a_target_for_an_indicator_is_one_query_answering_what_ingestion_extracted()
    {
        var answer = await _client.GetJson($"/api/targets?q={Q("研发经费")}&size=500");
        // Another test of this class uploads a document of its own: the seeds' targets are compared.
        var seedIds = Seeds.Value.Select(d => d.Id).ToHashSet();
        var got = Targets(answer).Where(t => seedIds.Contains(t.GetProperty("documentId").GetString()!))
            .Select(t => (t.GetProperty("documentId").GetString(), t.GetProperty("value").GetDecimal(), t.GetProperty("unit").GetString())).ToHashSet();
        var want = Seeds.Value.SelectMany(d => d.Targets.Where(t => t.Indicator.Contains("研发经费", StringComparison.Ordinal)).Select(t => ((string?)d.Id, t.Value, (string?)t.Unit))).ToHashSet();
        Assert.True(want.Count >= 2, $"the seeds set {want.Count} targets for 研发经费");
        Assert.True(want.SetEquals(got), $"API {string.Join(", ", got)}; extracted {string.Join(", ", want)}");
        foreach (var t in Targets(answer))
        {
            Assert.Contains("<mark>", t.GetProperty("indicatorHighlighted").GetString());
            string sentence = t.GetProperty("sentence").GetString()!;
            string value = sentence[t.GetProperty("valueStart").GetInt32()..t.GetProperty("valueEnd").GetInt32()];
            Assert.Contains(t.GetProperty("unit").GetString()!, value, StringComparison.Ordinal);
        }
        Assert.Equal(Targets(answer).Count, answer.GetProperty("total").GetInt32());
        int cells = answer.GetProperty("byIssuerYear").EnumerateArray().Sum(c => c.GetProperty("targets").GetInt32());
        Assert.True(cells >= Targets(answer).Count, $"{cells} targets by issuer and year for {Targets(answer).Count}");
    }

    [Fact]
    public async Task Filters_and_the_target_year_narrow_the_targets()
    {
        var all = Targets(await _client.GetJson($"/api/targets?size=500"));
        Assert.True(all.Count >= 20, $"{all.Count} targets in the seeds");
        string region = all.First(t => t.TryGetProperty("region", out var r) && r.ValueKind == JsonValueKind.String).GetProperty("region").GetString()!;
        var inRegion = Targets(await _client.GetJson($"/api/targets?region={Q(region)}&size=500"));
        Assert.NotEmpty(inRegion);
        Assert.All(inRegion, t => Assert.Equal(region, t.GetProperty("region").GetString()));
        var for2025 = Targets(await _client.GetJson($"/api/targets?targetYear=2025&size=500"));
        Assert.NotEmpty(for2025);
        Assert.All(for2025, t => Assert.Equal(2025, t.GetProperty("targetYear").GetInt32()));
        Assert.True(for2025.Count < all.Count, $"{for2025.Count} of {all.Count} targets are for 2025");
    }

    [Fact]
    public async Task The_document_view_lists_the_documents_targets_with_their_sentences_in_its_sections()
    {
        var seed = Seeds.Value.OrderByDescending(d => d.Targets.Count).First();
        var view = await _client.GetJson($"/api/documents/{Q(seed.Id)}?count=200");
        var targets = Targets(view);
        Assert.Equal(seed.Targets.Count, targets.Count);
        var texts = view.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetInt32(), s => s.GetProperty("text").GetString()!);
        foreach (var t in targets)
        {
            string sentence = t.GetProperty("sentence").GetString()!;
            Assert.Contains(sentence, texts[t.GetProperty("section").GetInt32()], StringComparison.Ordinal);
        }
        var later = await _client.GetJson($"/api/documents/{Q(seed.Id)}?from=1&outline=false");
        Assert.False(later.TryGetProperty("targets", out var none) && none.ValueKind == JsonValueKind.Array, "a further page repeats the targets");
    }

    [Fact]
    public async Task A_targets_sentence_is_escaped_with_only_mark_elements()
    {
        string text = "关于印发湖南省研发投入三年行动计划的通知\n一、主要目标\n力争到2027年<script>alert(1)</script>全社会研发经费投入增长10%以上。\n湖南省人民政府办公厅\n2025年3月1日";
        var request = UploadRequest.Create("xss-target.txt", text);
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        var upload = await _client.SendAsync(request);
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        var targets = Targets(await _client.GetJson($"/api/targets?q={Q("研发经费")}&size=500"));
        var mine = Assert.Single(targets, t => t.GetProperty("sentence").GetString()!.Contains("<script>", StringComparison.Ordinal));
        string marked = mine.GetProperty("sentenceHighlighted").GetString()!;
        Assert.DoesNotContain("<script>", marked, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", marked, StringComparison.Ordinal);
        Assert.Equal(2027, mine.GetProperty("targetYear").GetInt32());
    }

    [Theory]
    [InlineData("in=anywhere", "in must be")]
    [InlineData("targetYear=12", "targetYear must be a year")]
    [InlineData("size=0", "size must be between")]
    [InlineData("year=20x", "year")]
    public async Task A_malformed_request_is_a_400_problem_saying_what_is_wrong(string query, string says)
    {
        var problem = await _client.GetJson($"/api/targets?{query}", HttpStatusCode.BadRequest);
        Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
