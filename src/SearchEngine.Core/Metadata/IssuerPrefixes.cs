using SearchEngine.Core.Text;

namespace SearchEngine.Core.Metadata;

/// <summary>
/// 发文字号 prefix → the authority that issues under it, for documents that print a number but no issuer. The
/// table (Data/issuer-prefixes.txt) holds national and a few regional prefixes; prefixes that start with a
/// national organ's short form (工信部联规 → 工业和信息化部) need no entry; and a corpus teaches more, since a
/// document that prints both its issuer and its number shows the pair (<see cref="Learn"/>). Whatever is read
/// here is an inference and is marked so by the caller.
/// </summary>
public sealed class IssuerPrefixes
{
    private readonly Dictionary<string, string> _table;
    private readonly AuthorityNames _authorities;

    internal static IssuerPrefixes Default { get; } = new(DataFile.ReadTabbed("issuer-prefixes.txt").ToDictionary(e => e.Key, e => e.Value), AuthorityNames.Default);

    internal IssuerPrefixes(Dictionary<string, string> table, AuthorityNames authorities)
    {
        _table = table;
        _authorities = authorities;
    }

    /// <summary>A copy that also knows the pairs a corpus prints: prefix → issuers, for prefixes with one consistent issuer set.</summary>
    public IssuerPrefixes Learn(IEnumerable<(string Prefix, string Issuers)> printedPairs)
    {
        var table = new Dictionary<string, string>(_table);
        foreach (var group in printedPairs.GroupBy(p => p.Prefix))
        {
            var issuers = group.Select(p => p.Issuers).Distinct().ToList();
            if (issuers.Count == 1 && !table.ContainsKey(group.Key))
                table[group.Key] = issuers[0];
        }
        return new IssuerPrefixes(table, _authorities);
    }

    /// <summary>The issuers (space separated) a prefix belongs to, or null.</summary>
    public string? IssuerOf(string prefix)
    {
        if (_table.TryGetValue(prefix, out var issuer))
            return issuer;
        for (int len = Math.Min(prefix.Length - 1, 12); len >= 2; len--)
        {
            string head = prefix[..len];
            if (_authorities.IsNational(head) && (len >= 3 || head == "国办"))
                return _authorities.Canonical(head, null);
        }
        return null;
    }
}
