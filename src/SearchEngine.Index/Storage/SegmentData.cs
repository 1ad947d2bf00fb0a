using System.IO.MemoryMappedFiles;

namespace SearchEngine.Index.Storage;

/// <summary>
/// The bytes of a segment file, mapped read-only into the address space rather than read onto the heap: a segment
/// may pass 2 GB, and the operating system keeps only the pages searches touch in memory (and may drop them again).
/// Offsets are <see langword="long"/>; each slice handed out (one term's postings, one stored document, one part's
/// table) is below 2 GB.
/// </summary>
/// <remarks>
/// A span from <see cref="Span"/> points into the map and does not keep this object alive: it is valid while the
/// caller still holds this object (or its <see cref="SegmentReader"/>) and uses it after the span, as every reader of
/// a segment does by keeping it in a field. The map is released by <see cref="Dispose"/> or, when the object becomes
/// unreachable, by its finalizer: segments are shared by snapshots that searches hold without counting references,
/// so a segment a merge replaced is unmapped only once no snapshot, search or stored document can reach it.
/// </remarks>
internal sealed unsafe class SegmentData : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private byte* _pointer;

    private SegmentData(MemoryMappedFile file, MemoryMappedViewAccessor view, long length)
    {
        _file = file;
        _view = view;
        Length = length;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        // The view starts at a page boundary at or before offset 0 of the file (for offset 0, exactly there).
        _pointer = pointer + view.PointerOffset;
    }

    /// <summary>Maps <paramref name="path"/> read-only; the file may be deleted (on Linux) while it is mapped.</summary>
    public static SegmentData Map(string path)
    {
        long length = new FileInfo(path).Length;
        if (length == 0)
            throw new InvalidDataException($"Segment file '{path}' is empty; it was not completely written.");
        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        try
        {
            var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            return new SegmentData(file, view, length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The file's length in bytes.</summary>
    public long Length { get; }

    /// <summary><paramref name="length"/> bytes from <paramref name="offset"/>; outside the file is a corruption.</summary>
    public ReadOnlySpan<byte> Span(long offset, int length)
    {
        if (offset < 0 || length < 0 || offset > Length - length)
            throw new InvalidDataException($"A read of {length} bytes at {offset} lies outside the segment's {Length} bytes: the segment is corrupt.");
        ObjectDisposedException.ThrowIf(_pointer == null, this);
        return new ReadOnlySpan<byte>(_pointer + offset, length);
    }

    /// <summary>The bytes from <paramref name="offset"/> to the end of the file, or the first 2 GB of them.</summary>
    public ReadOnlySpan<byte> From(long offset) => Span(offset, (int)Math.Min(int.MaxValue, Length - offset));

    /// <summary>The byte at <paramref name="offset"/>.</summary>
    public byte this[long offset] => Span(offset, 1)[0];

    /// <summary>Unmaps the file. Only for a segment no search can be reading (tests, a reader never published).</summary>
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    ~SegmentData() => Release();

    private void Release()
    {
        if (_pointer == null)
            return;
        _pointer = null;
        // From a finalizer the view's handle is still usable: SafeHandles are finalized after ordinary objects.
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
