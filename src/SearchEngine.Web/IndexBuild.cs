using System.Diagnostics;

namespace SearchEngine.Web;

/// <summary>The counters of one build, written by the build's task and read by any request (every member is thread-safe).</summary>
internal sealed class IndexBuild
{
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private int? _filesTotal;
    private int _filesRead, _documents, _failures;
    private string _state = "running";
    private string? _error;
    private TimeSpan? _elapsed;

    public void Listed(int files)
    {
        lock (_lock)
            _filesTotal = files;
    }

    public void FileRead(bool failed)
    {
        lock (_lock)
        {
            _filesRead++;
            if (failed)
                _failures++;
        }
    }

    /// <summary>The build's documents in the index after its last commit.</summary>
    public void Committed(int documents)
    {
        lock (_lock)
            _documents = documents;
    }

    public void Done()
    {
        lock (_lock)
            (_state, _elapsed) = ("done", _clock.Elapsed);
    }

    public void Failed(string error)
    {
        lock (_lock)
            (_state, _error, _elapsed) = ("failed", error, _clock.Elapsed);
    }

    public BuildProgress Progress()
    {
        lock (_lock)
        {
            var elapsed = _elapsed ?? _clock.Elapsed;
            // The pace so far, files alike: a rough figure, but one that settles as the build goes on.
            double? remaining = _state == "running" && _filesTotal is { } total && _filesRead > 0
                ? Math.Round(elapsed.TotalSeconds / _filesRead * (total - _filesRead), 1)
                : null;
            return new BuildProgress(_state, _filesTotal, _filesRead, _documents, _failures, _startedAt, Math.Round(elapsed.TotalSeconds, 1), remaining, _error);
        }
    }
}
