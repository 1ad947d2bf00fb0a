using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// A command-line converter run as a child process (pdftotext, antiword, soffice): arguments passed as a list,
/// never through a shell; killed with its children after a time limit or when it prints more than
/// <see cref="MaxOutputChars"/> (as soon as it does, not when it finishes), so a malformed file can neither hang
/// the ingest nor fill the memory.
/// </summary>
/// <param name="command">The program, looked up on PATH unless it is a path.</param>
/// <param name="timeout">How long one run may take.</param>
internal sealed class ExternalTool(string command, TimeSpan timeout)
{
    /// <summary>Most characters of standard output kept; a converter printing more is stopped. It is the text limit
    /// of every reader: a converter's output is the file's text.</summary>
    public const int MaxOutputChars = ReadLimits.MaxTextChars;

    private const int MaxErrorChars = 2000;

    public string Command { get; } = command;

    public TimeSpan Timeout { get; } = timeout;

    public ToolRun Run(params IReadOnlyList<string> arguments) => Run(CancellationToken.None, arguments);

    /// <summary>
    /// Runs the tool; when <paramref name="cancel"/> fires, the process and its children are killed at once and
    /// <see cref="OperationCanceledException"/> is thrown (the caller gave up: no outcome is owed).
    /// </summary>
    public ToolRun Run(CancellationToken cancel, params IReadOnlyList<string> arguments)
    {
        cancel.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo(Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // an empty stdin, so a tool that asks (a password?) reads end-of-file
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception)
        {
            return new ToolRun(ToolOutcome.Missing, -1, "", "");
        }
        using (process)
        {
            // Killing ends the output, so every wait below returns at once; disposed before the process is.
            using var cancellation = cancel.Register(() => Kill(process));
            process.StandardInput.Close();
            var clock = Stopwatch.StartNew();
            var output = ReadCapped(process.StandardOutput, MaxOutputChars, drain: false);
            var errors = ReadCapped(process.StandardError, MaxErrorChars, drain: true);
            // Standard output ends at end-of-file or as soon as it overflows; a converter printing without end is
            // stopped then, not at the time limit.
            bool outputEnded = output.Wait(Timeout);
            cancel.ThrowIfCancellationRequested();
            if (outputEnded && output.Result.Overflowed)
            {
                Kill(process);
                return new ToolRun(ToolOutcome.TooMuchOutput, -1, "", "");
            }
            // Wait for the process and for its output to reach end-of-file: a child it left behind can hold the pipe.
            bool finished = outputEnded && process.WaitForExit(Remaining(clock)) && errors.Wait(Remaining(clock));
            cancel.ThrowIfCancellationRequested();
            if (!finished)
            {
                Kill(process);
                return new ToolRun(ToolOutcome.TimedOut, -1, "", "");
            }
            process.WaitForExit();
            return new ToolRun(ToolOutcome.Exited, process.ExitCode, output.Result.Text, errors.Result.Text.Trim());
        }
    }

    private TimeSpan Remaining(Stopwatch clock) => clock.Elapsed < Timeout ? Timeout - clock.Elapsed : TimeSpan.Zero;

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it exited between the wait and the kill
        }
    }

    /// <summary>
    /// Reads a stream to its end, keeping at most <paramref name="limit"/> characters; past it, either drains the
    /// rest (standard error, so the tool never blocks on it) or stops reading at once (standard output).
    /// </summary>
    private static Task<(string Text, bool Overflowed)> ReadCapped(StreamReader reader, int limit, bool drain) => Task.Run(async () =>
    {
        var text = new StringBuilder();
        var buffer = new char[16384];
        bool overflowed = false;
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            int keep = Math.Min(read, limit - text.Length);
            text.Append(buffer, 0, keep);
            overflowed |= keep < read;
            if (overflowed && !drain)
                break;
        }
        return (text.ToString(), overflowed);
    });
}
