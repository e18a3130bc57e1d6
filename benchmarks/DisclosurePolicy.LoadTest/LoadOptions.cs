using System.Globalization;

namespace DisclosurePolicy.LoadTest;

/// <summary>The run's settings, from the command line.</summary>
internal sealed class LoadOptions
{
    public int DurationSeconds { get; private set; } = 60;

    public int Clients { get; private set; } = 64;

    /// <summary>Submissions per second the clients aim at together; 0 for as fast as they can.</summary>
    public int Rate { get; private set; } = 1200;

    /// <summary>The store: sqlite (a file in a temporary folder), postgresql (--connection) or memory.</summary>
    public string Store { get; private set; } = "sqlite";

    public string? Connection { get; private set; }

    /// <summary>batched (the service's writer lanes) or direct (each request appends on its own), for comparison.</summary>
    public string WritePath { get; private set; } = "batched";

    public static LoadOptions? Parse(string[] args, TextWriter error)
    {
        var options = new LoadOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            bool ok = name switch
            {
                "--duration" => Int(value, 1, 600, v => options.DurationSeconds = v),
                "--clients" => Int(value, 1, 1024, v => options.Clients = v),
                "--rate" => Int(value, 0, 100_000, v => options.Rate = v),
                "--store" => value is "sqlite" or "postgresql" or "memory" && Set(() => options.Store = value),
                "--connection" => value is not null && Set(() => options.Connection = value),
                "--write-path" => value is "batched" or "direct" && Set(() => options.WritePath = value),
                _ => false,
            };
            if (!ok)
            {
                error.WriteLine($"{name} {value}: not understood. Usage: [--duration 1..600 s] [--clients 1..1024] [--rate submissions/s, 0 = unpaced] "
                    + "[--store sqlite|postgresql|memory] [--write-path batched|direct] [--connection CONNECTION-STRING (postgresql; else DISCLOSUREPOLICY_POSTGRES)]");
                return null;
            }

            i++;
        }

        if (options.Store == "postgresql")
        {
            options.Connection ??= Environment.GetEnvironmentVariable("DISCLOSUREPOLICY_POSTGRES");
            if (string.IsNullOrWhiteSpace(options.Connection))
            {
                error.WriteLine("--store postgresql needs --connection or the DISCLOSUREPOLICY_POSTGRES environment variable.");
                return null;
            }
        }

        return options;
    }

    private static bool Int(string? text, int min, int max, Action<int> set)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            return false;
        }

        set(value);
        return true;
    }

    private static bool Set(Action set)
    {
        set();
        return true;
    }
}
