namespace DisclosurePolicy;

/// <summary>
/// What became of the reloads of <see cref="DisclosurePolicyOptions"/> since start: a reload with invalid options is
/// refused (the engine keeps deciding under the last valid rules) without an exception reaching the configuration
/// system, and is reported here, in the <c>disclosurepolicy.rule_reloads</c> counter and through <see cref="Refused"/>.
/// </summary>
/// <remarks>
/// <para>Registered by <c>AddDisclosurePolicy</c> as a singleton. Invalid options at start still fail the start: only a
/// reload is refused quietly. A host logs <see cref="Refused"/> through its own logger (the library takes no logging
/// dependency) and can expose <see cref="LastRefusal"/> in a health check, so stale rules do not go unnoticed.</para>
/// <para>Safe to read from several threads.</para>
/// </remarks>
public sealed class RuleReloadStatus
{
    private ValidationResult? _lastRefusal;
    private long _accepted;
    private long _refused;

    internal RuleReloadStatus()
    {
    }

    /// <summary>Raised on the thread that reloaded the configuration when a reload was refused, with every problem of the
    /// refused options, each with its path.</summary>
    /// <remarks><para>A handler that throws is ignored: a refused reload never turns into an exception.</para></remarks>
    public event EventHandler<ValidationResult>? Refused;

    /// <summary>Gets the problems of the last refused reload, or <see langword="null"/> when the rules in force come from
    /// the latest options (no reload refused since the last one accepted).</summary>
    public ValidationResult? LastRefusal => Volatile.Read(ref _lastRefusal);

    /// <summary>Gets how many reloads were accepted since start.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Gets how many reloads were refused since start.</summary>
    public long RefusedCount => Interlocked.Read(ref _refused);

    internal void Accept()
    {
        Interlocked.Increment(ref _accepted);
        Volatile.Write(ref _lastRefusal, null);
    }

    internal void Refuse(ValidationResult problems)
    {
        Interlocked.Increment(ref _refused);
        Volatile.Write(ref _lastRefusal, problems);
        try
        {
            Refused?.Invoke(this, problems);
        }
#pragma warning disable CA1031 // A host's handler must not turn a refused reload into an exception in the configuration system.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
