namespace SearchEngine.Index.Storage;

/// <summary>
/// A list of value ordinals per row (a document's issuers, a section's industries or units), all rows in one flat
/// array with each row's start beside it, rather than an array per row: a segment of 325,000 sections held 750,000
/// small arrays for its facet columns, about 30 MB of a serving process's heap and most of the objects every full
/// garbage collection marks.
/// </summary>
internal sealed class OrdinalLists
{
    private readonly int[] _starts;
    private readonly int[] _values;

    private OrdinalLists(int[] starts, int[] values) => (_starts, _values) = (starts, values);

    /// <summary>How many rows.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>The ordinals of one row, in the order they were stored.</summary>
    public ReadOnlySpan<int> this[int row] => _values.AsSpan(_starts[row], _starts[row + 1] - _starts[row]);

    /// <summary>Collects rows in order; <see cref="Build"/> makes the lists.</summary>
    internal sealed class Builder(int rows)
    {
        private readonly int[] _starts = new int[rows + 1];
        private readonly List<int> _values = new(rows);
        private int _rows;

        /// <summary>Reads the next row as stored by <see cref="DocValuesCodec"/>: a count, then the ordinals.</summary>
        public void Read(ref ByteReader r)
        {
            int count = r.ReadVarInt();
            for (int i = 0; i < count; i++)
                _values.Add(r.ReadVarInt());
            _starts[++_rows] = _values.Count;
        }

        public OrdinalLists Build()
        {
            if (_rows != _starts.Length - 1)
                throw new InvalidOperationException($"{_rows} rows were read of the {_starts.Length - 1} expected.");
            return new OrdinalLists(_starts, [.. _values]);
        }
    }
}
