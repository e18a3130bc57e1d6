namespace DisclosurePolicy.Cli;

/// <summary>Waits for a store's answer: the commands run one at a time on a console, with no synchronization context to
/// deadlock on, so blocking here keeps each command a plain sequence of steps.</summary>
internal static class Awaited
{
    public static T Result<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
