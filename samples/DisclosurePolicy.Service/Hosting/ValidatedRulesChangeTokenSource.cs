using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace DisclosurePolicy.Service.Hosting;

/// <summary>Tells the options monitor that the rules changed, but only once <see cref="RulesReloadWatcher"/> has validated
/// them: the monitor never rebuilds the engine's options from a configuration that does not validate.</summary>
internal sealed class ValidatedRulesChangeTokenSource : IOptionsChangeTokenSource<DisclosurePolicyOptions>, IDisposable
{
    private CancellationTokenSource _source = new();

    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _source).Token);

    /// <summary>Fires the current token and arms a new one.</summary>
    public void Signal()
    {
        CancellationTokenSource fired = Interlocked.Exchange(ref _source, new CancellationTokenSource());
        try
        {
            fired.Cancel();
        }
        finally
        {
            fired.Dispose();
        }
    }

    public void Dispose() => _source.Dispose();
}
