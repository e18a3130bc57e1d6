using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DisclosurePolicy.Records.JsonLines.Internal;

/// <summary>
/// A record file opened for its one writer: an operating-system lock held on the open file itself, so two writers
/// exclude each other however they name the file (a symbolic or hard link, a relative path), in one process or two.
/// </summary>
/// <remarks>
/// <para><b>64-bit Linux:</b> an open-file-description lock (<c>F_OFD_SETLK</c>), taken directly. .NET's
/// <see cref="FileStream.Lock"/> takes classic POSIX record locks there (<c>F_SETLK</c>), which never conflict within
/// one process and are dropped for the whole process as soon as it closes any handle to the file, a reader's
/// included. An open-file-description lock conflicts with every other open of the file and lasts until this handle is
/// closed. Readers are not disturbed: the lock is advisory.</para>
/// <para><b>Windows:</b> <see cref="FileStream.Lock"/>, a byte-range lock owned by the handle, which behaves the same way.
/// It covers one byte far past any record, because Windows byte-range locks are mandatory and a lock over the records
/// would make readers fail.</para>
/// <para><b>Elsewhere</b> (macOS, where .NET does not support <see cref="FileStream.Lock"/>, other Unix systems, 32-bit
/// Linux): the exclusive sharing mode, which .NET implements with <c>flock(LOCK_EX)</c>. It has the same reach as the
/// locks above, but .NET takes <c>flock(LOCK_SH)</c> for every reader it opens, so .NET programs cannot read the file
/// while a writer holds it there.</para>
/// </remarks>
internal sealed partial class WriterLock : IDisposable
{
    private const long LockOffset = long.MaxValue - 1;
    private const long LockLength = 1;

    private const int FOfdSetLk = 37;
    private const short FWrLck = 1;
    private const int EAgain = 11;
    private const int EAcces = 13;
    private const int EWouldBlockBsd = 35;

    private WriterLock(FileStream stream) => Stream = stream;

    /// <summary>Gets the open record file, readable, writable, and written through to the disk.</summary>
    public FileStream Stream { get; }

    /// <summary>How long a lock held by someone else is waited for before the writer is refused.</summary>
    public static readonly TimeSpan HeldWait = TimeSpan.FromSeconds(1);

    /// <summary>Opens a record file, creating it when missing, and locks it for its one writer, waiting at most
    /// <see cref="HeldWait"/> for a holder to let go.</summary>
    /// <param name="path">The full path of the file.</param>
    /// <returns>The open, locked file.</returns>
    /// <exception cref="IOException">Another writer holds the file (the message says so and names it), or it cannot be
    /// opened or locked.</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not write the file.</exception>
    public static WriterLock Open(string path) => Open(path, HeldWait);

    /// <summary>Opens a record file as <see cref="Open(string)"/> does, waiting at most <paramref name="wait"/> for a holder
    /// to let go.</summary>
    /// <param name="path">The full path of the file.</param>
    /// <param name="wait">How long a lock held by someone else is waited for.</param>
    /// <returns>The open, locked file.</returns>
    public static WriterLock Open(string path, TimeSpan wait)
    {
        // A lock can be held for a moment by someone who is not writing: a process that starts a program shares its open
        // files with the child from fork until exec closes them, and with them this lock. A real writer holds it for
        // its whole run, so a short wait tells the two apart.
        long deadline = Environment.TickCount64 + (long)wait.TotalMilliseconds;
        while (true)
        {
            try
            {
                return TryOpen(path);
            }
            catch (HeldException) when (Environment.TickCount64 < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    private static WriterLock TryOpen(string path)
    {
        if (!UsesByteRangeLock)
        {
            try
            {
                return new WriterLock(OpenStream(path, FileShare.None));
            }
            catch (IOException ex) when (ex.HResult is EWouldBlockBsd or EAgain)
            {
                // .NET reports flock's EWOULDBLOCK with the raw errno as the HResult.
                throw Held(path, ex);
            }
        }

        // The lock excludes other writers, so the sharing mode need not: sharing writes lets a second writer reach the
        // lock and its clear refusal, and sharing reads keeps readers out of the way.
        FileStream stream = OpenStream(path, FileShare.ReadWrite);
        try
        {
            LockByteRange(stream, path);
            return new WriterLock(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Releases the lock and closes the file.</summary>
    public void Dispose()
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                // Windows may keep a byte-range lock for a while after its handle closes unless it is released first.
                Stream.Unlock(LockOffset, LockLength);
            }
            catch (IOException)
            {
                // Closing the handle releases it all the same.
            }
        }

        Stream.Dispose();
    }

    private static bool UsesByteRangeLock => OperatingSystem.IsWindows() || (OperatingSystem.IsLinux() && Environment.Is64BitProcess);

    private static FileStream OpenStream(string path, FileShare share) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share, bufferSize: 1, FileOptions.WriteThrough);

    private static void LockByteRange(FileStream stream, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                stream.Lock(LockOffset, LockLength);
                return;
            }
            catch (IOException ex)
            {
                throw Held(path, ex);
            }
        }

        var request = new FileLockRequest { Type = FWrLck, Whence = (short)SeekOrigin.Begin, Start = LockOffset, Length = LockLength };
        if (Fcntl(stream.SafeFileHandle, FOfdSetLk, ref request) == 0)
        {
            // The kernel releases it when this handle closes, and only then.
            return;
        }

        int error = Marshal.GetLastPInvokeError();
        throw error is EAgain or EAcces
            ? Held(path, inner: null)
            : new IOException($"{path} cannot be locked for writing: {Marshal.GetPInvokeErrorMessage(error)}");
    }

    private static HeldException Held(string path, IOException? inner) =>
        new($"another writer holds {path}: a record file takes one recorder at a time, in this process or any other", inner);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(SafeFileHandle fd, int command, ref FileLockRequest request);

    // struct flock of 64-bit Linux: l_type, l_whence, l_start, l_len, l_pid (0 for open-file-description locks).
    [StructLayout(LayoutKind.Sequential)]
    private struct FileLockRequest
    {
        public short Type;
        public short Whence;
        public long Start;
        public long Length;
        public int Pid;
    }

    private sealed class HeldException(string message, IOException? inner) : IOException(message, inner);
}
