using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace SearchEngine.Web.Tests;

/// <summary>The page, the document view and the widget in a real browser (Debian's Chromium via Playwright).</summary>
public sealed class BrowserTests(BrowserFixture fixture) : BrowserContract<BrowserFixture>(fixture);

/// <summary>The same page tests over the Lucene.Net engine: the page depends on the engine only through the API.</summary>
public sealed class BrowserTestsOnLucene(LuceneBrowserFixture fixture) : BrowserContract<LuceneBrowserFixture>(fixture);

/// <summary>The tests themselves, run on each engine by the two classes above.</summary>
public abstract class BrowserContract<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : BrowserFixture
{
    private async Task<IPage> Open(string path, int width = 1280)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await page.GotoAsync(fixture.BaseUrl + path);
        return page;
    }

    /// <summary>The documentation's screenshots come from the default engine's run; the same views on another engine are not saved over them.</summary>
    private Task Shot(IPage page, string name) => fixture.Server.Engine != "native" ? Task.CompletedTask :
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = false });

    [Fact]
    public async Task Searching_hydrogen_shows_highlighted_results_and_facet_counts()
    {
        var page = await Open("/");
        await page.FillAsync("#q", "氢能");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync("#results li mark");
        Assert.Equal("氢能", await page.Locator("#results li mark").First.TextContentAsync());
        Assert.True(await page.Locator("#facets .facet").CountAsync() >= 3);
        Assert.Contains("q=%E6%B0%A2%E8%83%BD", page.Url, StringComparison.Ordinal); // bookmarkable
        await Shot(page, "search");
    }

    [Fact]
    public async Task Clicking_a_facet_narrows_the_results_and_shows_a_removable_chip()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("发展"));
        await page.WaitForSelectorAsync("#results li");
        string before = (await page.Locator("#summary").TextContentAsync())!;
        await page.Locator("#facets .facet", new PageLocatorOptions { HasText = "发文机关" }).Locator("button", new LocatorLocatorOptions { HasText = "中共湖南省委" }).ClickAsync();
        await page.WaitForSelectorAsync("#chips .chip");
        await page.WaitForFunctionAsync("b => document.getElementById('summary').textContent !== b", before);
        Assert.Equal(1, await page.Locator("#results > li").CountAsync());
        Assert.Contains("issuer=", page.Url, StringComparison.Ordinal);
        await Shot(page, "facet");
        await page.Locator("#chips .chip button").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#chips .chip').length === 0");
    }

    [Fact]
    public async Task Opening_a_hit_shows_the_document_at_its_section_with_a_table_of_contents()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("北斗"));
        await page.WaitForSelectorAsync("#results li a.hit-title");
        await page.Locator("#results li a.hit-title").First.ClickAsync();
        await page.WaitForSelectorAsync("#document .toc li", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        Assert.True(await page.Locator("#document section.matched").CountAsync() > 0);
        Assert.True(await page.Locator("#document section.matched mark").CountAsync() > 0);
        var hash = new Uri(page.Url).Fragment;
        Assert.StartsWith("#s", hash, StringComparison.Ordinal);
        Assert.True(await page.Locator(hash).IsVisibleAsync());
        // the document's 信息表 with the original file as a download, and the tab named after the document
        var info = await page.Locator("#document dl.info dt").AllTextContentsAsync();
        Assert.Contains("发文机关", info);
        Assert.Contains("原文", info);
        string? href = await page.Locator("#document dl.info a[download]").GetAttributeAsync("href");
        Assert.EndsWith("/file", href, StringComparison.Ordinal);
        Assert.DoesNotContain("seeds/", await page.Locator("#document dl.info").TextContentAsync(), StringComparison.Ordinal);
        Assert.StartsWith(await page.Locator("#document h2").TextContentAsync() ?? "?", await page.TitleAsync(), StringComparison.Ordinal);
        await Shot(page, "document");
        // the focus is at the opened section, so the next Tab goes on from there
        Assert.Equal(hash[1..], await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // Back to the results, the reader is at the hit they opened, its link focused
        string doc = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["doc"]!;
        await page.Locator("#document button", new PageLocatorOptions { HasText = "返回结果" }).ClickAsync();
        await page.WaitForSelectorAsync("#results li a.hit-title");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.classList.contains('hit-title')");
        Assert.Equal(doc, await page.EvaluateAsync<string>("() => document.activeElement.closest('li').dataset.doc"));
        // and a title is a real link to the hit with its query, for a new tab
        string? link = await page.Locator("#results li a.hit-title").First.GetAttributeAsync("href");
        Assert.StartsWith("?doc=", link, StringComparison.Ordinal);
        Assert.Contains("q=" + Uri.EscapeDataString("北斗"), link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_document_opens_at_the_page_of_the_hit_and_loads_other_pages_on_demand()
    {
        // Given a document of 301 sections where only section 251 (item 3.50) mentions 液态阳光
        var text = new System.Text.StringBuilder("关于长文件分页浏览的通知\n");
        for (int a = 1; a <= 3; a++)
        {
            text.Append(a).Append(" 分项工作\n");
            for (int b = 1; b <= 99; b++)
                text.Append(a).Append('.').Append(b).Append(" 具体措施\n").Append(a == 3 && b == 50 ? "本项部署液态阳光示范工程。" : "各地要落实各项措施，按期完成任务。").Append('\n');
        }
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "长文件.txt");
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        upload.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        Assert.True((await client.SendAsync(upload)).IsSuccessStatusCode);

        // When the hit is opened, its page (250-299) is shown at the hit, marked; the first page is not loaded
        var page = await Open("/?q=" + Uri.EscapeDataString("液态阳光"));
        await page.WaitForSelectorAsync("#results li a.hit-title");
        await page.Locator("#results li a.hit-title").First.ClickAsync();
        await page.WaitForSelectorAsync("#document section.matched mark");
        Assert.Equal("#s251", new Uri(page.Url).Fragment);
        Assert.True(await page.Locator("#s251").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("#s2").CountAsync());
        Assert.Equal(301, await page.Locator("#document .toc a").CountAsync() + 1); // every section but the preamble has a heading

        // Then a table-of-contents link outside the loaded pages loads its page, and 更多 the next one
        // the long table of contents is folded; the loaded matches are counted and stepped through
        Assert.False(await page.Locator("#document details.toc-box").EvaluateAsync<bool>("d => d.open"));
        Assert.Contains("1 节匹配", await page.Locator("#document .matches").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator("#document .matches button", new PageLocatorOptions { HasText = "下一处" }).ClickAsync();
        Assert.Equal("s251", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Locator("#document details.toc-box > summary").ClickAsync();
        await page.Locator("#document .toc a[href='#s2']").ClickAsync();
        await page.Locator("#s2").WaitForAsync();
        Assert.True(await page.Locator("#s2").IsVisibleAsync());
        await page.Locator("#document button.more", new PageLocatorOptions { HasText = "更多" }).ClickAsync();
        await page.Locator("#s60").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    [Fact]
    public async Task A_section_reads_as_its_paragraphs_and_a_very_long_one_continues_on_request()
    {
        // Given a document whose first chapter has three printed lines and whose second holds 30,000 characters
        var text = new System.Text.StringBuilder("关于段落显示的通知\n一、专栏事项\n第一行写明光伏储能示范。\n第二行写明光伏储能推广。\n第三行写明光伏储能保障。\n二、长篇说明\n");
        for (int i = 0; text.Length < 32_000; i++)
            text.Append('第').Append(i).Append("段说明光伏储能的应用场景。\n");
        await Upload("段落.txt", text.ToString());

        // When it is opened from a search
        var page = await Open("/?q=" + Uri.EscapeDataString("光伏储能"));
        await page.WaitForSelectorAsync("#results li a.hit-title");
        await page.Locator("#results li a.hit-title", new PageLocatorOptions { HasText = "段落显示" }).First.ClickAsync();
        await page.WaitForSelectorAsync("#document section.matched mark");

        // Then the three lines are three paragraphs, each marked
        var first = page.Locator("#document section", new PageLocatorOptions { Has = page.Locator("h3", new PageLocatorOptions { HasText = "专栏事项" }) });
        Assert.Equal(3, await first.Locator(".text p").CountAsync());
        Assert.Equal(3, await first.Locator(".text p mark").CountAsync());

        // And the long chapter shows its first 20,000 characters with a button for the rest, which appends it
        var second = page.Locator("#document section", new PageLocatorOptions { Has = page.Locator("h3", new PageLocatorOptions { HasText = "长篇说明" }) });
        var rest = second.Locator("button.more", new LocatorLocatorOptions { HasText = "显示本节其余" });
        await rest.WaitForAsync();
        int before = await second.Locator(".text p").CountAsync();
        await rest.ClickAsync();
        await page.WaitForFunctionAsync("n => [...document.querySelectorAll('#document section')].some(s => s.querySelectorAll('.text p').length > n && s.textContent.includes('长篇说明'))", before);
        Assert.False(await rest.IsVisibleAsync());
        string shown = string.Concat(await second.Locator(".text p").AllTextContentsAsync());
        Assert.Contains("段说明光伏储能的应用场景。", shown[^40..], StringComparison.Ordinal); // the end of the chapter is there
    }

    [Fact]
    public async Task A_slow_answer_to_an_older_search_never_replaces_a_newer_one()
    {
        var page = await Open("/");
        // The first search's answer is held back for 1.5 s; the second one is answered at once
        await page.RouteAsync("**/api/search?*", async route =>
        {
            if (route.Request.Url.Contains(Uri.EscapeDataString("氢能"), StringComparison.Ordinal))
                await Task.Delay(1500);
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // the page aborted the older request: that is the point
            }
        });
        await page.FillAsync("#q", "氢能");
        await page.PressAsync("#q", "Enter");
        await page.FillAsync("#q", "北斗");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync("#results li mark");
        await page.WaitForTimeoutAsync(2000); // past the held-back answer
        var marks = await page.Locator("#results li mark").AllTextContentsAsync();
        Assert.Contains("北斗", marks);
        Assert.DoesNotContain("氢能", marks);
        Assert.Equal("北斗", await page.InputValueAsync("#q"));
        Assert.Null(await page.Locator("#content").GetAttributeAsync("aria-busy"));
    }

    [Fact]
    public async Task Suggestions_close_when_the_box_loses_focus_and_escape_keeps_the_query()
    {
        var page = await Open("/");
        await page.FillAsync("#q", "氢");
        await page.Locator("#suggestions li").First.WaitForAsync();
        await page.PressAsync("#q", "ArrowDown");
        string? active = await page.GetAttributeAsync("#q", "aria-activedescendant");
        Assert.False(string.IsNullOrEmpty(active));
        Assert.Equal(1, await page.Locator("#" + active + "[aria-selected=true]").CountAsync());
        await page.PressAsync("#q", "Escape");
        Assert.True(await page.Locator("#suggestions").IsHiddenAsync());
        Assert.Equal("氢", await page.InputValueAsync("#q"));
        await page.FillAsync("#q", "数");
        await page.Locator("#suggestions li").First.WaitForAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.Locator("#suggestions").IsHiddenAsync());
        // submitting does not leave or reopen the list
        await page.FocusAsync("#q");
        await page.FillAsync("#q", "氢能 产业");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync("#results li");
        await page.WaitForTimeoutAsync(400);
        Assert.True(await page.Locator("#suggestions").IsHiddenAsync());
    }

    [Fact]
    public async Task An_issuer_suggestion_says_what_it_is_and_becomes_a_filter()
    {
        var page = await Open("/");
        await page.FillAsync("#q", "湖南省人民政府办");
        var issuer = page.Locator("#suggestions li", new PageLocatorOptions { HasText = "发文机关" }).First;
        await issuer.WaitForAsync();
        Assert.Contains("件", await issuer.Locator(".note").TextContentAsync(), StringComparison.Ordinal);
        await issuer.DispatchEventAsync("mousedown");
        await page.WaitForSelectorAsync("#chips .chip");
        Assert.Contains("issuer=", page.Url, StringComparison.Ordinal);
        Assert.Equal("", await page.InputValueAsync("#q"));
    }

    [Fact]
    public async Task Headings_and_snippets_use_chinese_punctuation_and_headings_drop_their_final_stop()
    {
        // Seed 000 prints its headings with ASCII brackets and a final 。: "(九)未来产业。"
        var page = await Open("/?group=section&q=" + Uri.EscapeDataString("未来产业"));
        await page.WaitForSelectorAsync("#results li .crumbs span");
        var crumbs = await page.Locator("#results li .crumbs span").AllTextContentsAsync();
        Assert.Contains("（九）未来产业", crumbs);
        Assert.DoesNotContain(crumbs, c => c.EndsWith('。'));
        var snippets = string.Concat(await page.Locator("#results li > p:not(.meta):not(.others)").AllTextContentsAsync());
        Assert.DoesNotMatch(@"[\u4e00-\u9fff][,:;]|[,:;][\u4e00-\u9fff]", snippets);
    }

    [Fact]
    public async Task The_advanced_form_composes_the_query_and_filters_a_reader_would_type()
    {
        var page = await Open("/");
        await page.Locator("#advanced > summary").ClickAsync();
        await page.FillAsync("#advanced-form input[name=all]", "发展");
        await page.FillAsync("#advanced-form input[name=any]", "产业 创新");
        await page.FillAsync("#advanced-form input[name=none]", "氢能");
        await page.FillAsync("#advanced-form input[name=from]", "2021");
        await page.FillAsync("#advanced-form input[name=to]", "2024");
        await page.Locator("#advanced-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#results li");
        var url = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        Assert.Equal("发展 (产业 | 创新) -氢能", url["q"]);
        Assert.Equal("2021..2024", url["year"]);
        Assert.Equal("发展 (产业 | 创新) -氢能", await page.InputValueAsync("#q"));
        Assert.DoesNotContain("氢能", await page.Locator("#results li mark").AllTextContentsAsync());
        Assert.False(await page.Locator("#advanced").EvaluateAsync<bool>("d => d.open"));

        // titles only
        await page.Locator("#advanced > summary").ClickAsync();
        await page.Locator("#advanced-form button[type=reset]").ClickAsync();
        await page.FillAsync("#advanced-form input[name=phrase]", "战略性新兴产业");
        await page.Locator("#advanced-form input[value=title]").CheckAsync();
        await page.Locator("#advanced-form button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('q') === 'title:\"战略性新兴产业\"'");
        await page.WaitForFunctionAsync("() => !document.getElementById('content').hasAttribute('aria-busy')"); // the new answer is in
        await page.WaitForSelectorAsync("#results li a.hit-title");
        Assert.All(await page.Locator("#results li a.hit-title").AllTextContentsAsync(), t => Assert.Contains("战略性新兴产业", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_upload_check_what_was_read_and_delete_on_the_admin_page()
    {
        var page = await Open("/admin.html");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        static FilePayload File(string text) => new() { Name = "管理页上传.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(text) };
        const string Notice = "湖南省科学技术厅关于管理页上传测试的通知\n湘科发〔2025〕9号\n一、总体要求\n推进管理页上传测试。\n湖南省科学技术厅\n2025年3月5日\n";

        // Without the key: the page says so
        await page.SetInputFilesAsync("#file", File(Notice));
        await page.Locator("#upload button[type=submit]").ClickAsync();
        await page.Locator("#upload-result .warning").WaitForAsync();
        Assert.Contains("密钥", await page.Locator("#upload-result").TextContentAsync(), StringComparison.Ordinal);

        // With it: the metadata read from the file, for the uploader to check
        await page.FillAsync("#key", ServerFixture.ApiKey);
        await page.Locator("#upload button[type=submit]").ClickAsync();
        await page.Locator("#upload-result dl.info").WaitForAsync();
        string card = (await page.Locator("#upload-result").TextContentAsync())!;
        Assert.Contains("湘科发〔2025〕9号", card, StringComparison.Ordinal);
        Assert.Contains("湖南省科学技术厅", card, StringComparison.Ordinal);
        Assert.Contains("2025-03-05", card, StringComparison.Ordinal);
        string id = (await page.Locator("#upload-result dl.info dd").Last.TextContentAsync())!;

        // The same file again is recognised, not indexed twice
        await page.Locator("#upload button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('upload-result').textContent.includes('未重复索引')");

        // Delete by the id the card shows
        await page.FillAsync("#delete-id", id);
        await page.Locator("#delete button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('delete-result').textContent.includes('已删除')");
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/documents/" + Uri.EscapeDataString(id))).StatusCode);
    }

    [Fact]
    public async Task Staff_replace_an_uploaded_document_with_its_corrected_version_from_its_card_and_by_id()
    {
        var page = await Open("/admin.html");
        await page.FillAsync("#key", ServerFixture.ApiKey);
        static FilePayload File(string marker) => new() { Name = "管理页替换.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes($"关于管理页替换测试的通知\n一、总体要求\n推进管理页替换测试 {marker}。\n") };
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        async Task<int> Found(string word) => System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + word)).RootElement.GetProperty("totalDocuments").GetInt32();

        // Given an uploaded document, listed in its card
        await page.SetInputFilesAsync("#file", File("adminfirstversion"));
        await page.Locator("#upload button[type=submit]").ClickAsync();
        await page.Locator("#upload-result dl.info").WaitForAsync();
        string first = (await page.Locator("#upload-result dl.info dd").Last.TextContentAsync())!;

        // When its card's 替换 picks the corrected file
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator("#upload-result button.replace").ClickAsync());
        await chooser.SetFilesAsync(File("adminsecondversion"));

        // Then the card says what was replaced, and the search finds the new text, not the old
        await page.WaitForFunctionAsync("id => document.getElementById('upload-result').textContent.includes('已替换 ' + id)", first);
        string second = (await page.Locator("#upload-result dl.info dd").Last.TextContentAsync())!;
        Assert.NotEqual(first, second);
        Assert.Equal(1, await Found("adminsecondversion"));
        Assert.Equal(0, await Found("adminfirstversion"));

        // And by id, in the 替换文件 form, the same: the result names the replaced document
        await page.FillAsync("#replace-id", second);
        await page.SetInputFilesAsync("#replace-file", File("adminthirdversion"));
        await page.Locator("#replace button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("id => document.getElementById('replace-result').textContent.includes('已替换 ' + id)", second);
        Assert.Equal(1, await Found("adminthirdversion"));
        Assert.Equal(0, await Found("adminsecondversion"));

        // An id no document has: the page says so
        await page.FillAsync("#replace-id", "no-such-document");
        await page.Locator("#replace button[type=submit]").ClickAsync();
        await page.Locator("#replace-result .warning").WaitForAsync();
        Assert.Contains("no-such-document", await page.Locator("#replace-result").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keyboard_alone_searches_opens_a_hit_steps_through_matches_and_returns()
    {
        var page = await Open("/");
        await page.FocusAsync("#q");
        await page.Keyboard.TypeAsync("北斗");
        await page.Keyboard.PressAsync("Escape"); // close the suggestions, keep the words
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#results li a.hit-title");

        // Tab reaches the first hit's title; Enter opens it at its section, focused
        for (int i = 0; i < 200 && !await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('hit-title')"); i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('hit-title')"), "Tab never reached a hit");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#document section.matched mark");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle); // pages loaded as the view scrolled are in
        Assert.StartsWith("s", await page.EvaluateAsync<string>("() => document.activeElement.id"), StringComparison.Ordinal);

        // (the focus is on the opened section, not on <body>: the next Tab goes on from there, or, when nothing follows
        // it, wraps as the browser does, instead of starting again at the top of the page)

        // 返回结果 by keyboard: Shift+Tab back to it, Enter, and the opened hit has the focus
        var back = page.Locator("#document button", new PageLocatorOptions { HasText = "返回结果" });
        await back.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.classList.contains('hit-title')");
    }

    [Fact]
    public async Task The_responsible_units_are_a_facet_that_filters()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("发展"));
        var facet = page.Locator("#facets .facet", new PageLocatorOptions { HasText = "责任单位" });
        await facet.WaitForAsync();
        var first = facet.Locator("button.value").First;
        string unit = (await first.Locator("span").First.TextContentAsync())!;
        await first.ClickAsync();
        await page.WaitForSelectorAsync("#chips .chip");
        Assert.Contains("unit=", page.Url, StringComparison.Ordinal);
        Assert.Contains(await page.Locator("#chips .chip").AllTextContentsAsync(), c => c.Contains(unit, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Embedded_results_keep_their_paging()
    {
        var page = await Open("/?embed=1&group=section&q=" + Uri.EscapeDataString("发展"));
        await page.WaitForSelectorAsync("#results li");
        // the page's h1 is out of sight (one pixel, clipped) but kept for assistive technology
        Assert.True((await page.Locator("header h1").BoundingBoxAsync())!.Width <= 1, "embed mode hides the page's title from sight");
        Assert.True(await page.Locator("#pages").IsVisibleAsync());
        Assert.True(await page.Locator("#pages a, #pages button").CountAsync() > 1);
    }

    private async Task Upload(string name, string text)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", name);
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        upload.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        var response = await client.SendAsync(upload);
        Assert.True(response.IsSuccessStatusCode, $"upload {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Inferred_values_say_so_in_the_results_the_document_view_and_the_widget()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("培育好强科创兴产业的动能"));
        await page.WaitForSelectorAsync("#results li .meta");
        var metas = await page.Locator("#results li .meta").AllTextContentsAsync();
        Assert.Contains(metas, m => m.Contains("2026（推断）", StringComparison.Ordinal));
        var host = await Open("/example-host.html");
        await host.Locator("#widget li a").First.WaitForAsync();
        Assert.Contains("（推断）", await host.Locator("#widget li .meta").First.TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_widget_renders_on_a_host_page_with_its_presets_and_isolated_styles()
    {
        var page = await Open("/example-host.html");
        var widget = page.Locator("#widget");
        await widget.Locator("li a").First.WaitForAsync();
        Assert.Contains("怀化", await widget.Locator(".preset").TextContentAsync(), StringComparison.Ordinal);
        string color = await widget.Locator("li a").First.EvaluateAsync<string>("a => getComputedStyle(a).color");
        Assert.NotEqual("rgb(0, 128, 0)", color); // the host page paints its links green; the widget's stay its own
        var frame = page.FrameLocator("#frame");
        await frame.Locator("#results li mark").First.WaitForAsync();
        Assert.True((await frame.Locator("header h1").BoundingBoxAsync())!.Width <= 1, "embed mode hides the page chrome from sight");
        await Shot(page, "embedding");
    }

    [Fact]
    public async Task A_relaxed_answer_says_which_words_were_not_required()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("氢能 燃料电池 <b>qqzzxx</b>"));
        await page.WaitForSelectorAsync("#relaxed:not([hidden])");
        string notice = (await page.Locator("#relaxed").TextContentAsync())!;
        Assert.Contains("没有同时包含全部词语的章节；以下结果不要求：", notice, StringComparison.Ordinal);
        Assert.Contains("<b>qqzzxx</b>", notice, StringComparison.Ordinal); // the word as typed, shown as text
        Assert.Equal(0, await page.Locator("#relaxed b").CountAsync());
        Assert.True(await page.Locator("#results li").CountAsync() > 0);

        await page.FillAsync("#q", "氢能 燃料电池");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync("#relaxed[hidden]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
    }

    [Fact]
    public async Task Markup_in_documents_and_queries_is_shown_as_text_everywhere()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(
            "关于页面安全的通知\n一、总则\n演练脚本注入<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">内容。"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "xss.txt");
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        upload.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        Assert.True((await client.SendAsync(upload)).IsSuccessStatusCode);

        var page = await Open("/?q=" + Uri.EscapeDataString("演练脚本注入 <b>x</b>"));
        await page.WaitForSelectorAsync("#results li, #summary");
        page = await Open("/?q=" + Uri.EscapeDataString("演练脚本注入"));
        await page.WaitForSelectorAsync("#results li mark");
        string shown = await page.Locator("#results").InnerTextAsync();
        Assert.True(shown.Contains("<script>", StringComparison.Ordinal), shown);
        Assert.Equal(0, await page.Locator("#results script, #results img").CountAsync());
        await page.Locator("#results li a.hit-title").First.ClickAsync();
        await page.WaitForSelectorAsync("#document section p");
        Assert.Equal(0, await page.Locator("#document script, #document img").CountAsync());

        var host = await Open("/example-host.html");
        await host.EvaluateAsync("() => { const d = document.createElement('div'); d.setAttribute('data-policy-search', ''); d.id = 'xss'; d.dataset.q = '演练脚本注入'; document.body.append(d); }");
        await host.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/widget.js" });
        await host.Locator("#xss li").First.WaitForAsync();
        Assert.Equal(0, await host.Locator("#xss img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss"));
        Assert.Null(await host.EvaluateAsync<int?>("() => window.__xss"));
    }

    [Fact]
    public async Task The_page_says_what_synonyms_added_turns_them_off_and_sorts_by_date()
    {
        // Given a search for 氢能: the page says what else it matched
        var page = await Open("/?q=" + Uri.EscapeDataString("氢能"));
        await page.WaitForSelectorAsync("#expansions:not([hidden])");
        string expansions = (await page.Locator("#expansions").TextContentAsync())!;
        Assert.Contains("也包含：", expansions, StringComparison.Ordinal);
        Assert.Contains("氢燃料电池", expansions, StringComparison.Ordinal);
        Assert.Equal("relevance", await page.Locator("#sort").InputValueAsync());
        var relevance = await HitDates(page);

        // When 最新 is chosen, the hits come newest first and the URL keeps the order
        string first = (await page.Locator("#results > li > .meta").First.TextContentAsync())!;
        await page.SelectOptionAsync("#sort", "date_desc");
        await page.WaitForFunctionAsync("() => location.search.includes('sort=date_desc')");
        await page.WaitForFunctionAsync("first => document.querySelector('#results > li > .meta')?.textContent !== first", first);
        var newest = await HitDates(page);
        Assert.Equal(relevance.Order(), newest.Order());
        Assert.Equal(newest.OrderDescending(StringComparer.Ordinal), newest);
        Assert.NotEqual(relevance, newest);

        // Then 只搜原词 repeats the search without synonyms, kept in the URL with the order
        await page.Locator("#expand-toggle").ClickAsync();
        await page.WaitForFunctionAsync("() => location.search.includes('expand=false')");
        await page.WaitForFunctionAsync("() => document.getElementById('expansions').textContent.includes('只匹配原词')");
        Assert.Contains("sort=date_desc", page.Url, StringComparison.Ordinal);
        Assert.Equal("date_desc", await page.Locator("#sort").InputValueAsync());
        await page.Locator("#expand-toggle").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('expansions').textContent.includes('也包含')");
        await Shot(page, "sort-and-expansions");
    }

    /// <summary>The date (or year) each hit's metadata line shows, in list order.</summary>
    private static async Task<List<string>> HitDates(IPage page)
    {
        await page.WaitForSelectorAsync("#results > li > .meta");
        var metas = await page.Locator("#results > li > .meta").AllTextContentsAsync();
        return [.. metas.Select(m => m.Split(" · ").FirstOrDefault(part => System.Text.RegularExpressions.Regex.IsMatch(part, @"^\d{4}(-\d{2}-\d{2})?")) ?? "")];
    }

    [Fact]
    public async Task The_page_works_at_phone_width()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("工业互联网"), width: 390);
        await page.WaitForSelectorAsync("#results li mark");
        int scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 400, $"the page is {scrollWidth}px wide at a 390px viewport");
        await Shot(page, "phone");
    }
}
