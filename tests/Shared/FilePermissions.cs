using System.Runtime.InteropServices;

namespace DisclosurePolicy.Tests.Shared;

/// <summary>
/// Makes file permissions bind the calling thread even when the tests run as root, so that a test of a read-only file
/// shows what it claims instead of passing because root may write anything.
/// </summary>
/// <remarks><para>Root writes read-only files through the <c>CAP_DAC_OVERRIDE</c> capability. Capabilities belong to a
/// thread on Linux, so this drops that one from the calling thread's effective set and gives it back on dispose; other
/// tests running on other threads keep theirs. Use it around synchronous code only, which stays on the thread.</para></remarks>
public static class FilePermissions
{
    private const uint CapabilityVersion3 = 0x20080522;
    private const int DacOverride = 1;

    /// <summary>Drops <c>CAP_DAC_OVERRIDE</c> from the calling thread until the result is disposed; nothing to do for a
    /// thread without it.</summary>
    public static IDisposable Enforced()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new Restore(null);
        }

        var header = new CapabilityHeader { Version = CapabilityVersion3 };
        var data = new CapabilityData[2];
        Xunit.Assert.Equal(0, CapGet(ref header, data));
        if ((data[0].Effective & (1u << DacOverride)) == 0)
        {
            return new Restore(null);
        }

        CapabilityData[] before = [.. data];
        data[0].Effective &= ~(1u << DacOverride);
        Xunit.Assert.Equal(0, CapSet(ref header, data));
        return new Restore(before);
    }

    [DllImport("libc", EntryPoint = "capget", SetLastError = true)]
    private static extern int CapGet(ref CapabilityHeader header, [Out] CapabilityData[] data);

    [DllImport("libc", EntryPoint = "capset", SetLastError = true)]
    private static extern int CapSet(ref CapabilityHeader header, [In] CapabilityData[] data);

    [StructLayout(LayoutKind.Sequential)]
    private struct CapabilityHeader
    {
        public uint Version;
        public int Pid;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct CapabilityData
    {
        public uint Effective;
        public uint Permitted;
        public uint Inheritable;
    }

    private sealed class Restore(CapabilityData[]? before) : IDisposable
    {
        public void Dispose()
        {
            if (before is not null)
            {
                var header = new CapabilityHeader { Version = CapabilityVersion3 };
                Xunit.Assert.Equal(0, CapSet(ref header, before));
            }
        }
    }
}
