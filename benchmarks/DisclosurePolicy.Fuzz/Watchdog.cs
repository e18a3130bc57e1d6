using System.Diagnostics;

namespace DisclosurePolicy.Fuzz;

/// <summary>
/// Ends the run when one input takes longer than the bound: a reader that hangs never returns to be timed, so a thread
/// beside it watches the clock and reports the input it is stuck on.
/// </summary>
internal sealed class Watchdog : IDisposable
{
    private readonly TimeSpan _bound;
    private readonly Thread _thread;
    private readonly Lock _gate = new();
    private volatile bool _stopped;
    private long _startedAt;
    private (string Reader, long Index, FuzzInput Input)? _current;

    public Watchdog(TimeSpan bound)
    {
        _bound = bound;
        _thread = new Thread(Watch) { IsBackground = true, Name = "fuzz watchdog" };
        _thread.Start();
    }

    public void Begin(string reader, long index, FuzzInput input)
    {
        lock (_gate)
        {
            _current = (reader, index, input);
            _startedAt = Stopwatch.GetTimestamp();
        }
    }

    public void End()
    {
        lock (_gate)
        {
            _current = null;
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }

    private void Watch()
    {
        while (!_stopped)
        {
            Thread.Sleep(100);
            lock (_gate)
            {
                if (_current is var (reader, index, input) && Stopwatch.GetElapsedTime(_startedAt) > _bound)
                {
                    Console.WriteLine($"FINDING (hang): no answer after {_bound.TotalSeconds:0} s on {reader} input {index}: {input.Describe()}");
                    Console.Out.Flush();
                    Environment.Exit(3);
                }
            }
        }
    }
}
