namespace SearchEngine.Core.Documents;

/// <summary>How a metadata value was obtained.</summary>
public enum Provenance
{
    /// <summary>Printed in the document text.</summary>
    Printed,

    /// <summary>Taken from the file's own metadata (HTML meta tags, a scraped page header, file properties).</summary>
    SourceMetadata,

    /// <summary>Not printed; inferred from other evidence in the text, which <see cref="Found{T}.Evidence"/> names.</summary>
    Inferred,
}
