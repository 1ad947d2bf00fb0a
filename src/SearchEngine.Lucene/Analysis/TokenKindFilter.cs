using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using SearchEngine.Core.Analysis;

namespace SearchEngine.Lucene.Analysis;

/// <summary>
/// Keeps only the whole words (every kind but <see cref="TokenKind.SubWord"/>) or only the sub-words of a
/// <see cref="PolicyTokenizer"/>'s stream, by the token's type, so the two can be indexed in twin fields and scored
/// apart, as the native engine scores sub-words at a fraction of a word. Positions of the tokens kept stay slots.
/// The Lucene engine does not use it: with Lucene's per-field BM25 the twins ranked worse on the judged set
/// (LuceneRelevanceTests).
/// </summary>
public sealed class TokenKindFilter : FilteringTokenFilter
{
    private static readonly string SubWord = nameof(TokenKind.SubWord);

    private readonly ITypeAttribute _type;
    private readonly bool _subWords;

    /// <param name="input">A stream of <see cref="PolicyTokenizer"/> tokens.</param>
    /// <param name="subWords">True to keep only sub-words; false to keep only whole words.</param>
    public TokenKindFilter(TokenStream input, bool subWords) : base(LuceneVersion.LUCENE_48, input)
    {
        _type = AddAttribute<ITypeAttribute>();
        _subWords = subWords;
    }

    protected override bool Accept() => (_type.Type == SubWord) == _subWords;
}
