using System.Globalization;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Serialization;
using NodaTime;

namespace DisclosurePolicy.Cli;

/// <summary>Reads the requests of one input (a single object or an array), logging every problem of the bad ones and
/// keeping the good ones.</summary>
internal static class RequestFile
{
    /// <summary>Reads the requests of an input one at a time, as they are enumerated, so a large input is decided and
    /// dropped request by request; only the requests without problems are returned, in order. A request received after
    /// the day of the decision is inconsistent input, reported like any other problem, so every command and output format
    /// treats it alike.</summary>
    public static IEnumerable<SourcedRequest> Read(string path, CliEnvironment environment, ProblemLog problems)
    {
        LocalDate decidedOn = environment.Clock.GetCurrentInstant().InUtc().Date;
        string name = InputFile.DisplayName(path);
        string? text = InputFile.ReadText(path, environment, problems);
        if (text is null)
        {
            yield break;
        }

        int read = 0;
        int bad = 0;
        foreach (ReadResult<LegalRequest> result in RequestJson.ReadEach(text))
        {
            read++;
            ValidationResult found = result.IsValid ? result.Value!.Validate(decidedOn) : result.Problems;
            if (found.IsValid)
            {
                yield return new SourcedRequest(result.Index is int i ? string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]") : name, result.Value!);
                continue;
            }

            bad++;
            foreach (ValidationProblem problem in found.Problems)
            {
                // The reader's own problems carry the element's position; the date check sees the request alone.
                problems.Add(name, result.IsValid && result.Index is int at
                    ? new ValidationProblem(string.Create(CultureInfo.InvariantCulture, $"[{at}].{problem.Path}"), problem.Value, problem.Message)
                    : problem);
            }
        }

        // An array with bad elements: say how many were set aside, so nobody mistakes a partial run for a full one.
        if (bad > 0 && read > 1)
        {
            environment.Error.WriteLine(PrintableText.Escape(string.Create(
                CultureInfo.InvariantCulture,
                $"{name}: {bad} of {read} requests have problems and were not decided; the other {read - bad} were.")));
        }
    }
}
