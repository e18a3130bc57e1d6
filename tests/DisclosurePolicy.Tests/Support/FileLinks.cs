using System.Diagnostics;
using Xunit;

namespace DisclosurePolicy.Tests.Support;

/// <summary>Makes a second name for an existing file.</summary>
public static class FileLinks
{
    /// <summary>Makes a hard link; .NET has no API for it, so this runs <c>ln</c>.</summary>
    public static void Hard(string existing, string link)
    {
        using Process ln = Process.Start("ln", [existing, link]);
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }
}
