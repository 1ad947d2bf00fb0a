using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SearchEngine.Core.Analysis;
using Token = SearchEngine.Core.Analysis.Token;

namespace SearchEngine.Lucene.Analysis;

/// <summary>
/// Our <see cref="ChineseAnalyzer"/> as a Lucene.Net <see cref="Tokenizer"/>: the tokens it emits, sorted by slot
/// then start, with exact offsets into the original text (width and traditional folding map back), the position
/// increment as the difference of character slots (so a Lucene position is the slot, and the slot offsets of
/// <c>QueryCompiler</c>'s phrases are PhraseQuery positions), the position length as the slots the token covers and
/// the <see cref="TokenKind"/> name as its type. Reads the whole field on <see cref="Reset"/>: the analyzer
/// segments a text as a whole, not a stream.
/// </summary>
public sealed class PolicyTokenizer : Tokenizer
{
    private readonly ChineseAnalyzer _analyzer;
    private readonly AnalysisMode _mode;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IPositionLengthAttribute _length;
    private readonly ITypeAttribute _type;
    private readonly List<Token> _tokens = [];
    private int _next;
    private int _lastSlot;
    private int _textLength;

    public PolicyTokenizer(TextReader input, ChineseAnalyzer analyzer, AnalysisMode mode) : base(input)
    {
        _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _mode = mode;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        // Lucene.Net's reader of an empty string field reads null, not "".
        string text = m_input.ReadToEnd() ?? "";
        _textLength = text.Length;
        _tokens.Clear();
        _analyzer.Analyze(text, _mode, _tokens);
        // Sub-words follow their parent word in the analyzer's output; Lucene wants positions that never go back.
        _tokens.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        _next = 0;
        // One before slot 0, so the first token's increment (at least 1, as Lucene requires) puts it on its slot.
        _lastSlot = -1;
    }

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count)
            return false;
        ClearAttributes();
        var token = _tokens[_next++];
        _term.SetEmpty().Append(token.Text);
        _offset.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.End));
        _increment.PositionIncrement = token.Position - _lastSlot;
        _lastSlot = token.Position;
        _length.PositionLength = Math.Max(1, token.PositionEnd - token.Position);
        _type.Type = token.Kind.ToString();
        return true;
    }

    public override void End()
    {
        base.End();
        int final = CorrectOffset(_textLength);
        _offset.SetOffset(final, final);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _tokens.Clear();
        base.Dispose(disposing);
    }
}
