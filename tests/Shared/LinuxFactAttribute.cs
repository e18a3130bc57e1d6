namespace DisclosurePolicy.Tests.Shared;

/// <summary>A fact that runs on Linux only: it needs symbolic or hard links made without privileges, or Linux's
/// open-file-description locks, and is reported as skipped elsewhere rather than passing silently.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LinuxFactAttribute : Xunit.FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux";
        }
    }
}
