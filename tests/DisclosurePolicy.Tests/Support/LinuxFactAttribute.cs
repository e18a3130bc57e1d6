using Xunit;

namespace DisclosurePolicy.Tests.Support;

/// <summary>A fact that runs on Linux only: it needs symbolic or hard links made without privileges, or Linux's
/// open-file-description locks, and is reported as skipped elsewhere rather than passing silently.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux";
        }
    }
}
