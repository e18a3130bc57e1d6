using System.Globalization;

namespace DisclosurePolicy.Fuzz;

/// <summary>The command line: how many inputs per reader, for how long at most, from which seed, with which bound per
/// input, and which readers.</summary>
internal sealed class FuzzOptions
{
    public static readonly string[] AllReaders = ["requests", "rules", "records", "events", "record-files"];

    public long Inputs { get; private set; } = 1_000_000;

    public double? Seconds { get; private set; }

    public int Seed { get; private set; } = 17;

    public double TimeoutSeconds { get; private set; } = 10;

    public string[] Readers { get; private set; } = AllReaders;

    public string? FindingsFolder { get; private set; }

    public static FuzzOptions? Parse(string[] args, TextWriter error)
    {
        var options = new FuzzOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            bool ok = args[i] switch
            {
                "--inputs" => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long inputs) && inputs > 0 && Set(() => options.Inputs = inputs),
                "--seconds" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && Set(() => options.Seconds = seconds),
                "--seed" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seed) && Set(() => options.Seed = seed),
                "--timeout" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double timeout) && timeout > 0 && Set(() => options.TimeoutSeconds = timeout),
                "--readers" => value is not null && value.Split(',').All(AllReaders.Contains) && Set(() => options.Readers = value.Split(',')),
                "--findings" => value is not null && Set(() => options.FindingsFolder = value),
                _ => false,
            };
            if (!ok)
            {
                error.WriteLine($"bad argument near '{args[i]}'");
                error.WriteLine("usage: [--inputs N] [--seconds S] [--seed N] [--timeout S] [--readers " + string.Join(",", AllReaders) + "] [--findings FOLDER]");
                return null;
            }

            i++;
        }

        return options;
    }

    private static bool Set(Action set)
    {
        set();
        return true;
    }
}
