namespace DisclosurePolicy.Rules;

/// <summary>The stable, machine-readable reason codes of the engine and of the built-in rule versions.</summary>
/// <remarks><para>Codes never change once published; hosts may define codes of their own for their own clauses.</para></remarks>
public static class ReasonCodes
{
    /// <summary>The request is incomplete or inconsistent; one reason per validation problem.</summary>
    public const string InsufficientInformation = nameof(InsufficientInformation);

    /// <summary>No version of the rule is in force on the date the request was received.</summary>
    public const string NoVersionInForce = nameof(NoVersionInForce);

    /// <summary>The caller asked for a version the policy does not have.</summary>
    public const string UnknownVersion = nameof(UnknownVersion);

    /// <summary>The engine failed while deciding; the request is denied.</summary>
    public const string EvaluationError = nameof(EvaluationError);

    /// <summary>No clause permitted the data item, so it is denied by default.</summary>
    public const string NoPermittingClause = nameof(NoPermittingClause);

    /// <summary>No disclosure clause was in force (before 2018-08-14).</summary>
    public const string NoDisclosureClauseInForce = nameof(NoDisclosureClauseInForce);

    /// <summary>An overlay excludes requests from the issuing jurisdiction.</summary>
    public const string JurisdictionExcludedByOverlay = nameof(JurisdictionExcludedByOverlay);

    /// <summary>The request asks only for preservation, which the clause does not cover.</summary>
    public const string PreservationNotCovered = nameof(PreservationNotCovered);

    /// <summary>An emergency is claimed without an order that qualifies under the version.</summary>
    public const string EmergencyNotCovered = nameof(EmergencyNotCovered);

    /// <summary>The recipient is not an authority.</summary>
    public const string RecipientNotAnAuthority = nameof(RecipientNotAnAuthority);

    /// <summary>The data category is never disclosable under the version.</summary>
    public const string DataCategoryNotDisclosable = nameof(DataCategoryNotDisclosable);

    /// <summary>2018 rule: the request is not a court order.</summary>
    public const string NotACourtOrder = nameof(NotACourtOrder);

    /// <summary>The order is not valid, or its origin was not verified.</summary>
    public const string OrderNotValid = nameof(OrderNotValid);

    /// <summary>The order does not confirm the subject is a suspect.</summary>
    public const string SubjectNotConfirmedSuspect = nameof(SubjectNotConfirmedSuspect);

    /// <summary>2018 rule: the subject's case does not involve terrorism.</summary>
    public const string NotTerrorSuspect = nameof(NotTerrorSuspect);

    /// <summary>2018 rule: every condition holds; IP address and phone number may be disclosed.</summary>
    public const string CourtOrderConfirmsTerrorSuspect = nameof(CourtOrderConfirmsTerrorSuspect);

    /// <summary>2024 rule: the issuer is not a judicial authority.</summary>
    public const string IssuerNotJudicialAuthority = nameof(IssuerNotJudicialAuthority);

    /// <summary>2024 rule: the issuer is not the relevant (competent) authority.</summary>
    public const string IssuerNotRelevant = nameof(IssuerNotRelevant);

    /// <summary>2024 rule: the proceeding is not criminal.</summary>
    public const string NotACriminalCase = nameof(NotACriminalCase);

    /// <summary>2024 rule: no offence of the case violates a Terms-of-Service item in force.</summary>
    public const string ActivityNotTosViolation = nameof(ActivityNotTosViolation);

    /// <summary>2024 rule: the platform's legal analysis failed.</summary>
    public const string LegalAnalysisFailed = nameof(LegalAnalysisFailed);

    /// <summary>2024 rule: every other condition holds, but the legal analysis has not been performed.</summary>
    public const string PendingLegalAnalysis = nameof(PendingLegalAnalysis);

    /// <summary>2024 rule: every condition holds; IP address and phone number may be disclosed.</summary>
    public const string JudicialOrderConfirmsTosCriminalSuspect = nameof(JudicialOrderConfirmsTosCriminalSuspect);
}
