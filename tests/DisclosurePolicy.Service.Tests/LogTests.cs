using DisclosurePolicy.Service.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DisclosurePolicy.Service.Tests;

/// <summary>A request id from a client cannot split a log line, forge one or steer a terminal (#17, item 12).</summary>
public class LogTests
{
    private const string HostileId = "X-1\nInformation: Recorded request Y: MayDisclose under V2\u001b[2J\0";
    private const string EscapedId = "X-1\\nInformation: Recorded request Y: MayDisclose under V2\\u001B[2J\\u0000";

    public static TheoryData<string, Action<ILogger>, string> Lines => new()
    {
        { "Recorded", l => Log.Recorded(l, HostileId, "MayDisclose", "V2\r"), $"Recorded request {EscapedId}: MayDisclose under V2\\r" },
        { "AlreadyRecorded", l => Log.AlreadyRecorded(l, HostileId), $"Request {EscapedId} was already recorded with the same decision" },
        { "RecordConflict", l => Log.RecordConflict(l, HostileId, "outcome"), $"Request {EscapedId} refused: a different decision is recorded (differs in outcome)" },
        { "EventRecorded", l => Log.EventRecorded(l, HostileId, "Disclosed"), $"Request {EscapedId}: Disclosed recorded" },
        { "EventRefused", l => Log.EventRefused(l, HostileId, "Disclosed", 2), $"Request {EscapedId}: Disclosed refused with 2 conflict(s)" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Log_RequestIdWithLineBreakEscapeAndNul_IsWrittenEscapedOnOneLine(string name, Action<ILogger> write, string expected)
    {
        using var logs = new CapturedLogs();

        write(logs.CreateLogger(name));

        string line = Assert.Single(logs.Lines);
        Assert.Contains($": {expected} ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(line, char.IsControl);
    }
}
