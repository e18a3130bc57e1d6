namespace DisclosurePolicy.Records.JsonLines.Internal;

/// <summary>Reads the results of <see cref="DisclosurePolicy.Reporting.InMemoryDecisionRecorder"/> calls, which always
/// complete at once, from the synchronous file code that holds the writer's lock.</summary>
internal static class Completed
{
    public static T Now<T>(this ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();

    public static List<T> Now<T>(this IAsyncEnumerable<T> items)
    {
        var all = new List<T>();
        IAsyncEnumerator<T> e = items.GetAsyncEnumerator();
        try
        {
            while (e.MoveNextAsync().Now())
            {
                all.Add(e.Current);
            }
        }
        finally
        {
            e.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return all;
    }
}
