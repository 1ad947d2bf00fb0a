namespace SearchEngine.Web.Tests;

/// <summary>The web app over the Lucene.Net engine (policy analyzer), its index built from the seeds at start.</summary>
public sealed class LuceneServerFixture : ServerFixture
{
    public override string Engine => "lucene";
}
