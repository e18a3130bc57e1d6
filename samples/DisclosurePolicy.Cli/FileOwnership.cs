using System.Globalization;
using System.Runtime.InteropServices;

namespace DisclosurePolicy.Cli;

/// <summary>
/// Says why this process may not use a store's files, in place of a bare "permission denied": which file (the store
/// itself, a SQLite database's <c>-wal</c> and <c>-shm</c> files left behind by another user's run, or the folder a new
/// file would go in), whose it is, its mode, who this process runs as, and what to do. On systems other than Linux it
/// says only what the operating system said.
/// </summary>
internal static partial class FileOwnership
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxBasicStats = 0x7FF;
    private const int ReadOk = 4;
    private const int WriteOk = 2;
    private const int EffectiveIds = 0x200;

    /// <summary>The problem with a store this process could not open or read.</summary>
    /// <param name="path">The store's file.</param>
    /// <param name="write">Whether the store was opened to write.</param>
    /// <param name="companions">Files beside it that must be writable too (a SQLite database's <c>-wal</c> and <c>-shm</c>).</param>
    public static string Denied(string path, bool write, params string[] companions)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "permission denied";
        }

        string full = Path.GetFullPath(path);
        int mode = write ? WriteOk : ReadOk;
        string[] refused = [.. new[] { full }.Concat(companions.Select(c => full + c)).Where(f => File.Exists(f) && Access(f, mode) != 0)];
        string me = User(GetUid());
        if (refused.Length == 0)
        {
            // The file is not there yet (or is usable): the folder it goes in is what refuses.
            string folder = Path.GetDirectoryName(full) ?? full;
            return $"permission denied: the folder {folder} belongs to {Owner(folder)}, and this program runs as {me}, who may not create files in it; "
                + "run the command as a user who may, or choose a folder you can write to";
        }

        string verb = write ? "write" : "read";
        string names = string.Join(" and ", refused.Select(Path.GetFileName));
        bool leftBehind = refused.All(f => f != full);
        string them = refused.Length == 1 ? "it" : "them";
        return $"permission denied: {names}{(leftBehind ? ", the database's log and lock files left behind by another user's run," : string.Empty)} "
            + $"{(refused.Length == 1 ? "belongs" : "belong")} to {Owner(refused[0])}, and this program runs as {me}, who may not {verb} {them}; "
            + (leftBehind
                ? $"run the command once as their owner (closing the database cleanly removes them), or have {them} given to you (chown)"
                : $"run the command as the owner, or have {verb} access given to you (chown or chmod)");
    }

    // "root (uid 0), mode rw-r--r--".
    /// <summary>Whether this process may write an existing file (always <see langword="true"/> off Linux, where the
    /// store's own error is the answer).</summary>
    public static bool MayWrite(string path) => !OperatingSystem.IsLinux() || Access(Path.GetFullPath(path), WriteOk) == 0;

    private static string Owner(string path)
    {
        byte[] status = new byte[256];
        if (Statx(AtCurrentDirectory, path, 0, StatxBasicStats, status) != 0)
        {
            return "a user this program cannot tell";
        }

        // struct statx has the same layout on every Linux architecture: stx_uid at byte 20, stx_mode at byte 28.
        uint uid = BitConverter.ToUInt32(status, 20);
        int permissions = BitConverter.ToUInt16(status, 28) & 0x1FF;
        return $"{User(uid)}, mode {Mode(permissions)}";
    }

    private static string Mode(int permissions)
    {
        const string Letters = "rwxrwxrwx";
        char[] text = new char[9];
        for (int i = 0; i < 9; i++)
        {
            text[i] = (permissions & (1 << (8 - i))) != 0 ? Letters[i] : '-';
        }

        return new string(text);
    }

    // A user's name from the password file, with the number: "nobody (uid 65534)".
    private static string User(uint uid)
    {
        string number = uid.ToString(CultureInfo.InvariantCulture);
        try
        {
            foreach (string line in File.ReadLines("/etc/passwd"))
            {
                string[] fields = line.Split(':');
                if (fields.Length > 2 && fields[2] == number)
                {
                    return $"{PrintableText.Escape(fields[0])} (uid {number})";
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No names to be had: the number says it.
        }

        return $"uid {number}";
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] status);

    // faccessat with AT_EACCESS asks as the process is, with its effective user and capabilities, not its real user.
    private static int Access(string path, int mode) => FAccessAt(AtCurrentDirectory, path, mode, EffectiveIds);

    [LibraryImport("libc", EntryPoint = "faccessat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int FAccessAt(int directory, string path, int mode, int flags);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetUid();
}
