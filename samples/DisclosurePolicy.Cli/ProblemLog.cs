namespace DisclosurePolicy.Cli;

/// <summary>Writes each problem of a run to the error output as one line naming its source, and counts them. Every line
/// goes through <see cref="PrintableText.Escape"/>: a source, a value quoted in a message or a store's own message cannot
/// split the line, forge another one or steer a terminal. Past <see cref="MaxListed"/> problems it only counts, so an
/// input with millions of problems (an array of a million empty objects) cannot flood the terminal or a log.</summary>
internal sealed class ProblemLog
{
    /// <summary>How many problems a run lists before it only counts them.</summary>
    public const int MaxListed = 1000;

    private readonly TextWriter _error;

    public ProblemLog(TextWriter error) => _error = error;

    /// <summary>Gets how many problems were found, listed or not.</summary>
    public int Count { get; private set; }

    /// <summary>Writes a warning: something worth knowing that did not fail, such as a repair, so it is not counted.</summary>
    public void Warn(string source, string message) => _error.WriteLine(PrintableText.Escape($"{source}: warning: {message}"));

    /// <summary>Writes a problem of a whole input or argument, such as a missing file or an unknown version.</summary>
    public void Add(string source, string message)
    {
        if (Listed(source))
        {
            _error.WriteLine(PrintableText.Escape($"{source}: {message}"));
        }
    }

    /// <summary>Writes a problem found in a document, with its path and value (a path of <c>$</c> means the whole document).</summary>
    public void Add(string source, ValidationProblem problem)
    {
        if (!Listed(source))
        {
            return;
        }

        // ToString escapes control characters, so a value cannot split the line or forge another one.
        string line = problem.ToString();
        string from = PrintableText.Escape(source);
        _error.WriteLine(problem.Path == "$" && problem.Value is null ? $"{from}: {line["$: ".Length..]}" : $"{from}: {line}");
    }

    // Counts the problem; says once when the listing stops.
    private bool Listed(string source)
    {
        Count++;
        if (Count == MaxListed + 1)
        {
            _error.WriteLine(PrintableText.Escape($"{source}: more than {MaxListed} problems; the rest are counted but not listed."));
        }

        return Count <= MaxListed;
    }
}
