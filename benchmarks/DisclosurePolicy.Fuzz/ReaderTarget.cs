namespace DisclosurePolicy.Fuzz;

/// <summary>One reader under fuzzing: its valid seeds, how an input is made from them, and the oracles its reads must
/// pass.</summary>
internal abstract class ReaderTarget
{
    private readonly IReadOnlyList<JsonTree> _seeds;

    protected ReaderTarget(string name, IReadOnlyList<string> seeds, int seed)
    {
        Name = name;
        Random = new Random(seed);
        _seeds = [.. seeds.Select(JsonTree.Parse)];
        Mutator = new Mutator(Random, _seeds);
    }

    public string Name { get; }

    public int SeedCount => _seeds.Count;

    protected Random Random { get; }

    protected Mutator Mutator { get; }

    /// <summary>Makes the next input.</summary>
    public virtual FuzzInput Next()
    {
        var applied = new List<Mutation>();
        string text = Mutator.Mutate(_seeds[PickSeed()], applied);
        return new FuzzInput(text, null, applied);
    }

    /// <summary>Reads an input and checks the read against the oracles.</summary>
    public abstract Verdict Check(FuzzInput input, long index);

    /// <summary>Checks that every seed reads without a problem.</summary>
    public virtual void CheckSeeds()
    {
        for (int i = 0; i < _seeds.Count; i++)
        {
            Verdict verdict = Check(new FuzzInput(_seeds[i].ToString(), null, []), i);
            if (!verdict.Clean || verdict.Finding is not null)
            {
                throw new InvalidOperationException($"{Name}: seed {i} does not read cleanly: {verdict.Finding ?? "it has problems"}: {_seeds[i]}");
            }
        }
    }

    protected virtual int PickSeed() => Random.Next(_seeds.Count);

    protected JsonTree SeedTree(int index) => _seeds[index];
}
