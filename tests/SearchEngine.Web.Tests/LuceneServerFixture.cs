using Microsoft.AspNetCore.Hosting;

namespace SearchEngine.Web.Tests;

/// <summary>The web app over the Lucene.Net engine (policy analyzer), its index built from the seeds at start.</summary>
public sealed class LuceneServerFixture : ServerFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SearchEngine:Engine", "lucene");
    }
}
