using System.Runtime.InteropServices;
using System.Text;

namespace SearchEngine.Index.Storage;

/// <summary>
/// fsync of a folder, which makes the renames in it durable. Called through libc because .NET cannot do it:
/// File.OpenHandle refuses to open a directory on Unix (UnauthorizedAccessException), so the managed attempt
/// this replaces never synced anything.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY, 0 on Linux, macOS and the BSDs
    private const int InvalidArgument = 22; // EINVAL, 22 on Linux, macOS and the BSDs

    /// <summary>Flushes <paramref name="folder"/>'s entries to disk; throws <see cref="IOException"/> when that fails.</summary>
    public static void Flush(string folder)
    {
        // Windows cannot open a folder for FlushFileBuffers without backup privileges, and NTFS journals renames
        // itself; MoveFileEx with MOVEFILE_WRITE_THROUGH is what .NET's File.Move already asks for there.
        if (OperatingSystem.IsWindows())
            return;
        // The path goes as NUL-terminated UTF-8 bytes, as libc takes it, so no string marshalling is involved.
        int fd = Open(Encoding.UTF8.GetBytes(folder + "\0"), ReadOnly);
        if (fd < 0)
            throw new IOException($"could not open the folder to flush it: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        try
        {
            if (Fsync(fd) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                // EINVAL: this file system cannot sync a folder (some network and FUSE ones); the renames are as
                // durable as it makes them, and refusing every commit there would make the index unusable.
                if (errno != InvalidArgument)
                    throw new IOException($"could not flush the folder to disk: {Marshal.GetPInvokeErrorMessage(errno)}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(byte[] utf8Path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
