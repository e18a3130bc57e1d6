using System.Text.Json;
using DisclosurePolicy.Evaluation;
using DisclosurePolicy.Requests;
using RulesEngine.Models;

namespace DisclosurePolicy.Benchmarks.Peers;

/// <summary>
/// Clause 8.3 V2 as a Microsoft RulesEngine workflow: one rule per clause, loaded from the JSON file
/// <c>Peers/disclosure-v2.rules.json</c>, each rule's success event naming the clause's effect.
/// </summary>
/// <remarks>
/// <para>Every account and data item is one workflow execution over a <see cref="V2Item"/>; the rules that succeed are the
/// clauses that fire, and their effects combine as the library's do (deny overrides, then not applicable, then pending,
/// then permit; nothing fired is a deny). A rule that fails to evaluate (RulesEngine reports it as an unsuccessful rule
/// with an exception message) denies the item, so the peer fails closed too.</para>
/// </remarks>
public sealed class RulesEngineV2
{
    /// <summary>The workflow's name in the JSON file.</summary>
    public const string WorkflowName = "disclosure-v2";

    private readonly RulesEngine.RulesEngine _engine;

    /// <summary>Initializes a new instance of the <see cref="RulesEngineV2"/> class from the embedded JSON workflow.</summary>
    public RulesEngineV2()
    {
        _engine = new RulesEngine.RulesEngine(LoadWorkflows(), new ReSettings());
    }

    /// <summary>Reads the workflow file embedded in this assembly.</summary>
    /// <returns>The workflows it holds.</returns>
    public static Workflow[] LoadWorkflows()
    {
        using Stream stream = typeof(RulesEngineV2).Assembly.GetManifestResourceStream("disclosure-v2.rules.json")
            ?? throw new InvalidOperationException("The RulesEngine workflow file is not embedded.");
        return JsonSerializer.Deserialize<Workflow[]>(stream)
            ?? throw new InvalidOperationException("The RulesEngine workflow file is empty.");
    }

    /// <summary>Decides a request under V2.</summary>
    /// <param name="request">A valid request.</param>
    /// <returns>The outcome.</returns>
    public async Task<DecisionOutcome> DecideAsync(LegalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tally = default(VerdictTally);
        foreach (Subject subject in request.Subjects)
        {
            foreach (DataCategory category in request.RequestedData)
            {
                List<RuleResultTree> results = await _engine.ExecuteAllRulesAsync(WorkflowName, new V2Item(request, subject, category)).ConfigureAwait(false);
                tally.Add(Verdict(results));
            }
        }

        return tally.Outcome();
    }

    /// <summary>Decides one item, with the rule results that explain it.</summary>
    /// <param name="item">The item's facts.</param>
    /// <returns>The results of every rule, in workflow order.</returns>
    public async Task<List<RuleResultTree>> ExplainAsync(V2Item item) =>
        await _engine.ExecuteAllRulesAsync(WorkflowName, item).ConfigureAwait(false);

    /// <summary>Combines the effects of the rules that succeeded.</summary>
    /// <param name="results">The rule results of one item.</param>
    /// <returns>The item's verdict.</returns>
    public static ItemVerdict Verdict(IReadOnlyList<RuleResultTree> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        bool deny = false, notApplicable = false, pending = false, permit = false;
        foreach (RuleResultTree result in results)
        {
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                deny = true;
                continue;
            }

            if (!result.IsSuccess)
            {
                continue;
            }

            switch (result.Rule.SuccessEvent)
            {
                case "NotApplicable":
                    notApplicable = true;
                    break;
                case "Pending":
                    pending = true;
                    break;
                case "Permit":
                    permit = true;
                    break;
                default:
                    deny = true;
                    break;
            }
        }

        // Scope before merits: V2's only not-applicable rule (preservation) comes first, so it outranks every deny.
        return notApplicable ? ItemVerdict.NotApplicable
            : deny ? ItemVerdict.Denied
            : pending ? ItemVerdict.Pending
            : permit ? ItemVerdict.Permitted
            : ItemVerdict.Denied;
    }
}
