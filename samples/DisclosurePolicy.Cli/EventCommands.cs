using System.CommandLine;
using DisclosurePolicy.Reporting;
using DisclosurePolicy.Requests;
using NodaTime;
using NodaTime.Text;

namespace DisclosurePolicy.Cli;

/// <summary><c>acknowledge</c>, <c>disclose</c> and <c>close</c>: the request's life after the decision, appended to the
/// record file. Bad input and refused events are reported one line each, exit with code 2 and leave the file unchanged.</summary>
internal static class EventCommands
{
    public static Command Acknowledge(CliEnvironment environment)
    {
        (Argument<string> id, Option<string> at, Option<string> to) = Common("When the issuing authority was informed of the receipt.");
        var command = new Command("acknowledge", "Record that the issuing authority was informed that its request was received.") { id, at, to };
        command.SetAction(parsed => Run(environment, parsed.GetValue(id)!, parsed.GetValue(to)!, problems =>
            InstantText.Parse(parsed.GetValue(at)!, "--at", problems) is Instant instant
                ? _ => RequestEvent.Acknowledged(parsed.GetValue(id)!, instant)
                : null));
        return command;
    }

    public static Command Disclose(CliEnvironment environment)
    {
        (Argument<string> id, Option<string> at, Option<string> to) = Common("When the items were handed over (a date stands for the start of that day in UTC).");
        var items = new Option<string?>("--items")
        {
            Description = "The items handed over, as ACCOUNT:CATEGORY separated by commas (an item splits at its last colon, so "
                + "user:58213377:IpAddress names account user:58213377). Default: every item the decision permitted.",
            HelpName = "ACCOUNT:CATEGORY,...",
        };
        var command = new Command("disclose", "Record that items the decision permitted were actually handed over.") { id, at, items, to };
        command.SetAction(parsed => Run(environment, parsed.GetValue(id)!, parsed.GetValue(to)!, problems =>
        {
            Instant? instant = InstantText.Parse(parsed.GetValue(at)!, "--at", problems);
            string? text = parsed.GetValue(items);
            List<DisclosedItem>? named = text is null ? [] : ParseItems(text, problems);
            if (instant is null || named is null)
            {
                return null;
            }

            string requestId = parsed.GetValue(id)!;
            return history =>
            {
                IEnumerable<DisclosedItem> handedOver = text is not null ? named
                    : history?.Decision.Decision.Results.Where(r => r.Outcome == Evaluation.ItemOutcome.Permitted).Select(r => new DisclosedItem(r.AccountReference, r.Category)) ?? [];
                return RequestEvent.Disclosed(requestId, instant.Value, handedOver);
            };
        }));
        return command;
    }

    public static Command Close(CliEnvironment environment)
    {
        (Argument<string> id, Option<string> at, Option<string> to) = Common("When the request was closed.");
        var reason = new Option<string>("--reason") { Description = "Why the request was closed without disclosure.", Required = true };
        var command = new Command("close", "Record that a request was closed without any disclosure.") { id, at, reason, to };
        command.SetAction(parsed => Run(environment, parsed.GetValue(id)!, parsed.GetValue(to)!, problems =>
        {
            if (string.IsNullOrWhiteSpace(parsed.GetValue(reason)))
            {
                problems.Add("--reason", "say why the request was closed without disclosure");
            }

            return InstantText.Parse(parsed.GetValue(at)!, "--at", problems) is Instant instant
                ? _ => RequestEvent.ClosedWithoutDisclosure(parsed.GetValue(id)!, instant, parsed.GetValue(reason)!)
                : null;
        }));
        return command;
    }

    /// <summary>Reads <c>ACCOUNT:CATEGORY,...</c>, each item split at its last colon; logs every bad item and returns
    /// <see langword="null"/> when there is one.</summary>
    public static List<DisclosedItem>? ParseItems(string text, ProblemLog problems)
    {
        var items = new List<DisclosedItem>();
        int before = problems.Count;
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            int colon = part.LastIndexOf(':');
            if (colon <= 0 || colon == part.Length - 1)
            {
                problems.Add("--items", $"'{part}' is not ACCOUNT:CATEGORY, such as user:58213377:IpAddress");
                continue;
            }

            string name = part[(colon + 1)..];
            if (!Enum.TryParse(name, ignoreCase: false, out DataCategory category) || !Enum.IsDefined(category)
                || category == DataCategory.Unspecified || !char.IsLetter(name[0]))
            {
                problems.Add("--items", $"'{part}': '{name}' is not a data category; accepted: {string.Join(", ", Enum.GetNames<DataCategory>().Where(n => n != nameof(DataCategory.Unspecified)))}");
                continue;
            }

            items.Add(new DisclosedItem(part[..colon], category));
        }

        return problems.Count == before ? items : null;
    }

    private static (Argument<string> Id, Option<string> At, Option<string> To) Common(string atDescription) =>
    (
        new Argument<string>("requestId") { Description = "The id of a request whose decision is recorded in the file." },
        new Option<string>("--at") { Description = atDescription + " An instant such as 2023-04-10T09:30:00Z, or a date.", Required = true, HelpName = "INSTANT" },
        new Option<string>("--to") { Description = "The store the request's decision is recorded in: " + RecordStore.Description + ".", Required = true, HelpName = "RECORDS.db" }
    );

    // Reads the arguments first (nothing is opened when they are bad), then appends the event under the writer's lock.
    private static int Run(CliEnvironment environment, string requestId, string recordsPath, Func<ProblemLog, Func<RequestHistory?, RequestEvent>?> read)
    {
        var problems = new ProblemLog(environment.Error);
        if (string.IsNullOrWhiteSpace(requestId))
        {
            problems.Add("requestId", "the id of the request is required; it is the id its decision was recorded under");
        }

        Func<RequestHistory?, RequestEvent>? make = read(problems);
        if (make is null || problems.Count > 0)
        {
            return ExitCodes.BadInput;
        }

        using RecordStore? store = RecordStore.OpenForWriting(recordsPath, problems, mustExist: true);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        IDecisionRecorder recorder = store.Recorder;
        RequestEvent requestEvent = make(Awaited.Result(recorder.FindHistoryAsync(requestId)));

        try
        {
            bool isNew = Awaited.Result(recorder.AppendAsync(requestEvent)) == RecordOutcome.Recorded;
            environment.Output.WriteLine(PrintableText.Escape($"{(isNew ? "recorded" : "already recorded")}: {requestEvent.RequestId} {requestEvent.Kind} at {InstantPattern.ExtendedIso.Format(requestEvent.At)}"
                + (requestEvent.Items.Count > 0 ? $": {string.Join(", ", requestEvent.Items)}" : string.Empty)));
        }
        catch (RequestEventConflictException ex)
        {
            problems.Add(store.Name, ex.Message);
        }

        return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
