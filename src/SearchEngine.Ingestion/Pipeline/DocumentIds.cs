namespace SearchEngine.Ingestion.Pipeline;

/// <summary>Document ids: the file name without extension, which is stable across runs and readable in URLs.</summary>
public static class DocumentIds
{
    public static string FromSource(string source) => Path.GetFileNameWithoutExtension(source);
}
