using SearchEngine.Core.Documents;
using SearchEngine.Core.Regions;

namespace SearchEngine.Core.Metadata;

/// <summary>
/// Issuers learned from a corpus: a document that prints both its issuer and its 发文字号 shows which authority
/// issues under that prefix (赣府厅发 → 江西省人民政府办公厅), so a document of the same corpus that prints only the
/// number gets that issuer, marked <see cref="Provenance.Inferred"/> with the teaching document as evidence.
/// Prefixes that different documents give different issuers are not used.
/// </summary>
public static class CorpusIssuerInference
{
    public static IReadOnlyList<PolicyDocument> Apply(IReadOnlyList<PolicyDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var taught = new Dictionary<string, (string Issuers, string Source)?>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            var m = d.Metadata;
            if (m.DocumentNumber is not { Provenance: Provenance.Printed } number || m.Issuers.Count == 0
                || m.Issuers.Any(i => i.Provenance != Provenance.Printed))
                continue;
            string issuers = string.Join(' ', m.Issuers.Select(i => i.Value));
            string prefix = number.Value.Prefix;
            if (!taught.TryGetValue(prefix, out var known))
                taught[prefix] = (issuers, d.Source);
            else if (known is { } k && k.Issuers != issuers)
                taught[prefix] = null; // two authorities under one prefix: nothing can be learned from it
        }
        var regions = AuthorityNames.Default;
        return [.. documents.Select(d =>
        {
            var m = d.Metadata;
            if (m.Issuers.Count > 0 || m.DocumentNumber is not { } number
                || !taught.TryGetValue(number.Value.Prefix, out var entry) || entry is not { } learned)
                return d;
            var issuers = learned.Issuers.Split(' ').Select(name => new Found<string>(name, Provenance.Inferred,
                $"发文字号 {number.Value} carries the prefix {number.Value.Prefix}, under which {learned.Source} prints the issuer {learned.Issuers}",
                number.Offset)).ToList();
            var region = m.Region ?? (regions.RegionOf(issuers[0].Value, null) is { } r
                ? new Found<Region>(r, Provenance.Inferred, $"inferred issuer {issuers[0].Value}", number.Offset)
                : null);
            return d with { Metadata = m with { Issuers = issuers, Region = region } };
        })];
    }
}
