namespace DisclosurePolicy.Cli.Tests.Support;

/// <summary>
/// The tests that start child processes run alone, never beside other tests. A child started while another test closes
/// a JSON Lines record file shares that file's open file description from fork until exec, and with it the writer's
/// lock, so the other test's next writer could find the file held by "another writer".
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChildProcesses
{
    public const string Name = "Tests that start child processes";
}
