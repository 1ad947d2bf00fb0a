namespace SearchEngine.Ingestion.Readers;

/// <summary>How a run of an <see cref="ExternalTool"/> ended.</summary>
internal enum ToolOutcome
{
    /// <summary>The tool ran and exited; see the exit code.</summary>
    Exited,

    /// <summary>The program is not installed (or not executable).</summary>
    Missing,

    /// <summary>It did not finish within its time limit and was killed with its children.</summary>
    TimedOut,

    /// <summary>It printed more than the output limit and was killed.</summary>
    TooMuchOutput,
}

/// <summary>The result of one run of an external converter.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="ExitCode">The exit code when it <see cref="ToolOutcome.Exited"/>, else -1.</param>
/// <param name="Output">Standard output (UTF-8), empty unless it exited.</param>
/// <param name="Errors">The start of standard error, trimmed, for the failure message.</param>
internal sealed record ToolRun(ToolOutcome Outcome, int ExitCode, string Output, string Errors)
{
    public bool Succeeded => Outcome == ToolOutcome.Exited && ExitCode == 0;
}
