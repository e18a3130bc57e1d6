using System.Globalization;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Serialization;
using NodaTime;

namespace DisclosurePolicy.Cli;

/// <summary>Reads the requests of one input (a single object or an array), logging every problem of the bad ones and
/// keeping the good ones.</summary>
internal static class RequestFile
{
    /// <summary>Reads every request of an input; the returned list holds only the requests without problems, in order. A
    /// request received after the day of the decision is inconsistent input, reported like any other problem, so every
    /// command and output format treats it alike.</summary>
    public static IReadOnlyList<SourcedRequest> Read(string path, CliEnvironment environment, ProblemLog problems)
    {
        LocalDate decidedOn = environment.Clock.GetCurrentInstant().InUtc().Date;
        string name = InputFile.DisplayName(path);
        string? text = InputFile.ReadText(path, environment, problems);
        if (text is null)
        {
            return [];
        }

        var good = new List<SourcedRequest>();
        IReadOnlyList<ReadResult<LegalRequest>> results = RequestJson.ReadMany(text);
        int bad = 0;
        foreach (ReadResult<LegalRequest> result in results)
        {
            ValidationResult found = result.IsValid ? result.Value!.Validate(decidedOn) : result.Problems;
            if (found.IsValid)
            {
                good.Add(new SourcedRequest(result.Index is int i ? string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]") : name, result.Value!));
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
        if (bad > 0 && results.Count > 1)
        {
            environment.Error.WriteLine(PrintableText.Escape(string.Create(
                CultureInfo.InvariantCulture,
                $"{name}: {bad} of {results.Count} requests have problems and were not decided; the other {good.Count} were.")));
        }

        return good;
    }
}
