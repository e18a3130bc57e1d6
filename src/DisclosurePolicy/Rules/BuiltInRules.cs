using DisclosurePolicy.Requests;
using NodaTime;
using static DisclosurePolicy.Rules.Condition;

namespace DisclosurePolicy.Rules;

/// <summary>
/// The built-in versions of Privacy Policy clause 8.3 "Law Enforcement Authorities": V0 (no clause, before 2018-08-14),
/// V1 (2018-08-14 to 2024-09-22: court order, terror suspect) and V2 (from 2024-09-23: valid order of the relevant judicial
/// authorities, suspect in a case of criminal activity that violates the Terms of Service, legal analysis).
/// </summary>
/// <remarks>
/// <para>Every version is built through the same public model hosts use; the engine has no special case for them.
/// Interpretation defaults: an accused counts as a suspect and a convicted person does not; prosecutors are not judicial
/// authorities; an unverified origin makes the order not valid; an emergency claim never relaxes a clause; only IP address
/// and phone number are ever disclosable; the recipient must be an authority; preservation is not covered.</para>
/// </remarks>
public static class BuiltInRules
{
    /// <summary>The identifier of the built-in policy.</summary>
    public const string PolicyId = "telegram-privacy-8.3";

    /// <summary>The exact wording of clause 8.3 from 2018-08-14 to 2024-09-22.</summary>
    public const string V1Wording =
        "If Telegram receives a court order that confirms you're a terror suspect, we may disclose your IP address and phone number " +
        "to the relevant authorities. So far, this has never happened. When it does, we will include it in a semiannual transparency " +
        "report published at: https://t.me/transparency.";

    /// <summary>The exact wording of clause 8.3 from 2024-09-23.</summary>
    public const string V2Wording =
        "If Telegram receives a valid order from the relevant judicial authorities that confirms you're a suspect in a case involving " +
        "criminal activities that violate the Telegram Terms of Service, we will perform a legal analysis of the request and may " +
        "disclose your IP address and phone number to the relevant authorities. If any data is shared, we will include such " +
        "occurrences in a quarterly transparency report published at: https://t.me/transparency.";

    /// <summary>A description of the situation before 2018-08-14, when the policy had no disclosure clause.</summary>
    public const string V0Wording =
        "No law-enforcement disclosure clause was in force. The policy of the time stated that no user data had ever been shared.";

    private const string V1Citation = "Privacy Policy 8.3 (2018-08-14)";
    private const string V2Citation = "Privacy Policy 8.3 (2024-09-23)";
    private const string V0Citation = "Privacy Policy (before 2018-08-14)";

    private static readonly IssuingAuthorityKind[] JudicialAuthorities =
        [IssuingAuthorityKind.Court, IssuingAuthorityKind.Judge, IssuingAuthorityKind.InvestigatingJudge];

    // Warrants and court-made production orders are orders of a court; subpoenas and police, administrative, intelligence,
    // emergency and informal requests are not, nor is an MLAT request before the requested State's own order.
    private static readonly InstrumentKind[] Orders =
    [
        InstrumentKind.CourtOrder, InstrumentKind.SearchWarrant, InstrumentKind.CourtProductionOrder,
        InstrumentKind.EuropeanProductionOrder, InstrumentKind.EuropeanPreservationOrder, InstrumentKind.CivilCourtOrder,
    ];

    private static readonly RecipientKind[] Authorities =
        [RecipientKind.LawEnforcementAuthority, RecipientKind.JudicialAuthority, RecipientKind.OtherPublicAuthority];

    private static readonly DataCategory[] Disclosable = [DataCategory.IpAddress, DataCategory.PhoneNumber];

    private static readonly SubjectStatus[] Suspects = [SubjectStatus.Suspect, SubjectStatus.Accused];

    /// <summary>Gets the first day of V1 (2018-08-14).</summary>
    public static LocalDate V1Start { get; } = new(2018, 8, 14);

    /// <summary>Gets the first day of V2 (2024-09-23).</summary>
    public static LocalDate V2Start { get; } = new(2024, 9, 23);

    /// <summary>Gets the dated Terms-of-Service catalogue with the default offence mapping.</summary>
    /// <remarks><para>Items 1 to 3 are dated from the first archived record (2020-12-09); item 4 was added on 2024-09-23.
    /// An offence maps to every item whose words it meets: spam and fraud to item 1 (which names both), money laundering and
    /// attacks on information systems to item 4 (criminalised in the large majority of States). Whether the case is
    /// criminal is V2's separate proceeding test, so the mapping never asks whether an offence is usually a crime.
    /// Copyright, defamation, non-violent extremism, speech offences against the State and other offences meet no item's
    /// words and stay unmapped: hosts may map them.</para></remarks>
    public static TosCatalogue TermsOfService { get; } = new(
        [
            new(TosItem.SpamOrScam, "Use our service to send spam or scam users.", new LocalDate(2020, 12, 9), null),
            new(TosItem.PublicViolencePromotion, "Promote violence on publicly viewable Telegram channels, bots, etc.", new LocalDate(2020, 12, 9), null),
            new(TosItem.PublicIllegalPornography, "Post illegal pornographic content on publicly viewable Telegram channels, bots, etc.", new LocalDate(2020, 12, 9), null),
            new(
                TosItem.IllegalInMajorityOfCountries,
                "Engage in activities that are recognized as illegal in the majority of countries. This includes child abuse, selling or " +
                "offering illegal goods and services (drugs, firearms, forged documents), etc.",
                V2Start,
                null),
        ],
        [
            new(OffenceCategory.Terrorism, TosItem.IllegalInMajorityOfCountries),
            new(OffenceCategory.ChildSexualAbuse, TosItem.IllegalInMajorityOfCountries),
            new(OffenceCategory.DrugTrafficking, TosItem.IllegalInMajorityOfCountries),
            new(OffenceCategory.FirearmsTrafficking, TosItem.IllegalInMajorityOfCountries),
            new(OffenceCategory.ForgedDocuments, TosItem.IllegalInMajorityOfCountries),
            new(OffenceCategory.OtherIllegalGoodsOrServices, TosItem.IllegalInMajorityOfCountries),
            new(OffenceCategory.MoneyLaundering, TosItem.IllegalInMajorityOfCountries),
            new(OffenceCategory.AttacksOnInformationSystems, TosItem.IllegalInMajorityOfCountries),
            new(OffenceCategory.FraudOrScam, TosItem.SpamOrScam),
            new(OffenceCategory.Spam, TosItem.SpamOrScam),
            new(OffenceCategory.PublicIncitementToViolence, TosItem.PublicViolencePromotion),
            new(OffenceCategory.PublicIllegalPornography, TosItem.PublicIllegalPornography),
        ]);

    /// <summary>Gets V0: no disclosure clause; every request received before 2018-08-14 is denied.</summary>
    public static RuleVersion V0 { get; } = new(
        "V0",
        "No disclosure clause",
        LocalDate.MinIsoValue,
        V1Start.PlusDays(-1),
        V0Citation,
        V0Wording,
        ReportingCadence.None,
        TermsOfService,
        [
            new Clause(
                "8.3-none/no-clause",
                V0Citation,
                "(no disclosure clause)",
                "Before 2018-08-14 the policy had no clause allowing disclosure to authorities, so nothing may be disclosed.",
                Always,
                ClauseEffect.Deny(ReasonCodes.NoDisclosureClauseInForce)),
        ],
        null);

    /// <summary>Gets V1: a court order confirming a terror suspect permits IP address and phone number; semiannual reporting.</summary>
    public static RuleVersion V1 { get; } = new(
        "V1",
        "Court order confirming a terror suspect",
        V1Start,
        V2Start.PlusDays(-1),
        V1Citation,
        V1Wording,
        ReportingCadence.SemiAnnual,
        TermsOfService,
        [
            Preservation("8.3-2018", V1Citation, "we may disclose"),
            new Clause(
                "8.3-2018/emergency",
                V1Citation,
                "If Telegram receives a court order",
                "An emergency claim does not replace the court order: without a valid, verified court order it is refused.",
                All(IsTrue(Fact.EmergencyClaim), Not(All(CourtOrder(), ValidOrder()))),
                ClauseEffect.Deny(ReasonCodes.EmergencyNotCovered)),
            Recipient("8.3-2018", V1Citation),
            DataCategories("8.3-2018", V1Citation),
            new Clause(
                "8.3-2018/court-order",
                V1Citation,
                "a court order",
                "The request must be an order (an order, warrant or production order) issued by a court, a judge or an investigating judge.",
                Not(CourtOrder()),
                ClauseEffect.Deny(ReasonCodes.NotACourtOrder)),
            Validity("8.3-2018", V1Citation, "If Telegram receives a court order"),
            new Clause(
                "8.3-2018/suspect",
                V1Citation,
                "that confirms you're a terror suspect",
                "The order must confirm that the user is a suspect (an accused person counts; a convicted one does not).",
                Not(StatusIs(Suspects)),
                ClauseEffect.Deny(ReasonCodes.SubjectNotConfirmedSuspect)),
            new Clause(
                "8.3-2018/terror",
                V1Citation,
                "a terror suspect",
                "The case must involve terrorism.",
                Not(OffenceIsAnyOf(OffenceCategory.Terrorism)),
                ClauseEffect.Deny(ReasonCodes.NotTerrorSuspect)),
            new Clause(
                "8.3-2018/disclose",
                V1Citation,
                "we may disclose your IP address and phone number to the relevant authorities",
                "A valid court order confirming a terror suspect permits disclosure of the IP address and phone number, to be reported semiannually.",
                Always,
                ClauseEffect.Permit(ReasonCodes.CourtOrderConfirmsTerrorSuspect, Disclosable)),
        ],
        null);

    /// <summary>Gets V2: a valid order of the relevant judicial authorities confirming a suspect of a ToS-violating crime,
    /// after legal analysis, permits IP address and phone number; quarterly reporting.</summary>
    public static RuleVersion V2 { get; } = new(
        "V2",
        "Valid judicial order, criminal activity violating the Terms of Service, legal analysis",
        V2Start,
        null,
        V2Citation,
        V2Wording,
        ReportingCadence.Quarterly,
        TermsOfService,
        [
            Preservation("8.3-2024", V2Citation, "may disclose"),
            new Clause(
                "8.3-2024/emergency",
                V2Citation,
                "If Telegram receives a valid order from the relevant judicial authorities",
                "An emergency claim does not replace the order: without a valid, verified order of the relevant judicial authority it is refused.",
                All(IsTrue(Fact.EmergencyClaim), Not(All(CourtOrder(), IsTrue(Fact.IssuerRelevant), ValidOrder()))),
                ClauseEffect.Deny(ReasonCodes.EmergencyNotCovered)),
            Recipient("8.3-2024", V2Citation),
            DataCategories("8.3-2024", V2Citation),
            new Clause(
                "8.3-2024/judicial-authority",
                V2Citation,
                "a valid order from the relevant judicial authorities",
                "The order must be issued by a court, a judge or an investigating judge (prosecutors are not judicial authorities by default).",
                Not(CourtOrder()),
                ClauseEffect.Deny(ReasonCodes.IssuerNotJudicialAuthority)),
            new Clause(
                "8.3-2024/relevant",
                V2Citation,
                "the relevant judicial authorities",
                "The issuing authority must be competent (relevant) for the case.",
                Not(IsTrue(Fact.IssuerRelevant)),
                ClauseEffect.Deny(ReasonCodes.IssuerNotRelevant)),
            Validity("8.3-2024", V2Citation, "a valid order"),
            new Clause(
                "8.3-2024/criminal",
                V2Citation,
                "a case involving criminal activities",
                "The order must be made in a criminal case.",
                Not(ProceedingIs(ProceedingKind.Criminal)),
                ClauseEffect.Deny(ReasonCodes.NotACriminalCase)),
            new Clause(
                "8.3-2024/suspect",
                V2Citation,
                "that confirms you're a suspect",
                "The order must confirm that the user is a suspect (an accused person counts; a convicted one does not).",
                Not(StatusIs(Suspects)),
                ClauseEffect.Deny(ReasonCodes.SubjectNotConfirmedSuspect)),
            new Clause(
                "8.3-2024/terms-of-service",
                V2Citation,
                "criminal activities that violate the Telegram Terms of Service",
                "At least one offence of the case must violate a Terms-of-Service item in force.",
                Not(TosItemIsAnyOf(TosItem.SpamOrScam, TosItem.PublicViolencePromotion, TosItem.PublicIllegalPornography, TosItem.IllegalInMajorityOfCountries)),
                ClauseEffect.Deny(ReasonCodes.ActivityNotTosViolation)),
            new Clause(
                "8.3-2024/analysis-failed",
                V2Citation,
                "we will perform a legal analysis of the request",
                "A request whose legal analysis failed is refused.",
                LegalAnalysisIs(LegalAnalysisOutcome.Failed),
                ClauseEffect.Deny(ReasonCodes.LegalAnalysisFailed)),
            new Clause(
                "8.3-2024/analysis-pending",
                V2Citation,
                "we will perform a legal analysis of the request",
                "Nothing may be disclosed before the legal analysis of the request has been performed.",
                LegalAnalysisIs(LegalAnalysisOutcome.NotPerformed),
                ClauseEffect.Pending(ReasonCodes.PendingLegalAnalysis)),
            new Clause(
                "8.3-2024/disclose",
                V2Citation,
                "may disclose your IP address and phone number to the relevant authorities",
                "After a passed legal analysis, the IP address and phone number may be disclosed, to be reported quarterly.",
                Always,
                ClauseEffect.Permit(ReasonCodes.JudicialOrderConfirmsTosCriminalSuspect, Disclosable)),
        ],
        null);

    /// <summary>Gets the built-in policy holding V0, V1 and V2.</summary>
    public static Policy Policy { get; } = new(PolicyId, "Telegram Privacy Policy 8.3 Law Enforcement Authorities", [V0, V1, V2]);

    /// <summary>Gets the built-in policy in the JSON rule format (<c>docs/rules-format.md</c>), as shipped in the package
    /// under <c>rules/telegram-privacy-8.3.json</c>.</summary>
    /// <remarks><para>Read with <see cref="Serialization.PolicyJson.Read"/> or bound through configuration, it decides exactly
    /// as <see cref="Policy"/>: it is the text <see cref="Serialization.PolicyJson.Write(Rules.Policy)"/> gives for it. Hosts
    /// can copy it as the starting point of their own rules. The text is read from the assembly's embedded resource.</para></remarks>
    public static string Json => JsonText.Value;

    private static Lazy<string> JsonText { get; } = new(ReadJson);

    private static string ReadJson()
    {
        const string Name = "DisclosurePolicy.Rules.telegram-privacy-8.3.json";
        using Stream stream = typeof(BuiltInRules).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"The embedded resource {Name} is missing from the assembly.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Condition CourtOrder() => All(AuthorityIs(JudicialAuthorities), InstrumentIs(Orders));

    private static Condition ValidOrder() => All(IsTrue(Fact.OrderValid), VerificationIs(OriginVerification.VerifiedOutOfBand));

    private static Clause Preservation(string prefix, string citation, string wording) => new(
        $"{prefix}/preservation",
        citation,
        wording,
        "The clause permits disclosure only; a request to preserve data is outside it.",
        IsTrue(Fact.PreservationOnly),
        ClauseEffect.NotApplicable(ReasonCodes.PreservationNotCovered));

    private static Clause Recipient(string prefix, string citation) => new(
        $"{prefix}/recipient",
        citation,
        "to the relevant authorities",
        "Data may go only to an authority; private parties and lawyers never qualify.",
        Not(RecipientIs(Authorities)),
        ClauseEffect.Deny(ReasonCodes.RecipientNotAnAuthority));

    private static Clause DataCategories(string prefix, string citation) => new(
        $"{prefix}/data",
        citation,
        "your IP address and phone number",
        "Only the IP address and the phone number may ever be disclosed.",
        Not(DataCategoryIs(Disclosable)),
        ClauseEffect.Deny(ReasonCodes.DataCategoryNotDisclosable));

    private static Clause Validity(string prefix, string citation, string wording) => new(
        $"{prefix}/valid",
        citation,
        wording,
        "The order must be valid (genuine, in force, properly transmitted) and its origin verified out of band.",
        Not(ValidOrder()),
        ClauseEffect.Deny(ReasonCodes.OrderNotValid));
}
