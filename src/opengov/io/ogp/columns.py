"""The layout of OGP's commitment export: its 171 columns, their groups, and the label tables.

Every table here was checked against the real export (``tests/data/ogp/open_parliament_0703.csv``):
the labels are OGP's own spellings, the codes those of the numeric twin columns (``_…``), and the
missing-data markers ND / NR / NA copy through to the twin unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from opengov.model import (
    Completion,
    DidItOpenGovernment,
    EarlyResults,
    PotentialForResults,
    PotentialImpact,
    Specificity,
)
from opengov.model.vocab import Vocabulary

__all__ = [
    "COLUMNS",
    "COMMITMENT_EXTRA_COLUMNS",
    "CROSS_ROW_COLUMNS",
    "DERIVED_COLUMNS",
    "LABEL_COLUMNS",
    "MARKERS",
    "PARTLY_DERIVED_COLUMNS",
    "PLAN_COLUMNS",
    "PLAN_EXTRA_COLUMNS",
    "TAG_COLUMNS",
    "LabelColumn",
]

#: The 171 columns, in the export's order.
COLUMNS: tuple[str, ...] = (
    "Commitment Unique Identifier",
    "Country/Locality",
    "Action Plan Number",
    "Commitment Number",
    "Code",
    "Region",
    "National Or Local",
    "Commitment Dummy",
    "Year Of Submission",
    "Action Plan End Year",
    "Action Plan Duration (Years)",
    "Theme",
    "Commitment Title",
    "Short Title",
    "Full Text",
    "Start Date",
    "End Date",
    "Lead Institution",
    "Supporting Institution(s)",
    "Anti-Corruption and Integrity",
    "Anti-corruption Institutions",
    "Anti-Corruption Strategies",
    "Asset Disclosure",
    "Audits",
    "Beneficial Ownership",
    "Conflicts Of Interest",
    "Elections",
    "Political Finance",
    "Lobbying",
    "Open Contracting",
    "Public Procurement",
    "Right To Information",
    "Whistleblower Protections",
    "Civic Space and Enabling Environment",
    "Freedom of Assembly",
    "Freedom of Association",
    "Freedom of Expression",
    "Democratizing Decision-Making",
    "Digital Participation",
    "Mainstreaming Participation",
    "Regulatory Governance",
    "Social Accountability",
    "Digital Governance",
    "Automated Decision-making",
    "Data Stewardship and Privacy",
    "Digital Inclusion",
    "Disinformation/Misinformation",
    "Online Civic Space",
    "Environment & Climate",
    "Climate Finance",
    "Climate Mitigation and Adaptation",
    "Environmental Regulation",
    "International Environmental Agreements",
    "Fiscal Openness",
    "Publication Of Budget/Fiscal Information",
    "Public Participation In Budget/Fiscal Policy",
    "Oversight Of Budget/Fiscal Policies",
    "Stimulus and Economic Recovery",
    "Tax",
    "Debt",
    "Inclusion",
    "Gender",
    "Gender-Based Violence",
    "Economic Inclusion",
    "LGBTQIA+",
    "People with Disabilities",
    "Youth",
    "Justice",
    "Access to Justice",
    "Open Justice",
    "Policing & Corrections",
    "Judiciary",
    "Open Parliaments",
    "Public Service Delivery",
    "Citizenship & Immigration",
    "Education",
    "Health & Nutrition",
    "Infrastructure & Transport",
    "Water & Sanitation",
    "Capacity Building",
    "Digital Transformation",
    "Legislation",
    "Regulation",
    "Legislative Oversight",
    "Open Data",
    "Public Participation",
    "Aid",
    "Energy",
    "Extractive Industries",
    "Land and Spatial Planning",
    "Media & Telecommunications",
    "Science & Technology",
    "Security & Public Safety",
    "Labor",
    "Private Sector",
    "Subnational",
    "Human Rights",
    "Open Parliament Plan",
    "Sustainable Development Goals",
    "Open Data (Water/Sanitation)",
    "Open Data (Health)",
    "Open Data (Education)",
    "Participation in Lawmaking",
    "Access to information",
    "Money in Politics",
    "Report Publication Year (Progress Report)",
    "Compound",
    "Cluster",
    "Specificity",
    "_Specificity",
    "Verifiable",
    "OGP Value Access To Information",
    "OGP Value Civic Participation",
    "OGP Value Public Accountability",
    "OGP Value Technology",
    "_Relevant",
    "Potential Impact",
    "_Potential Impact",
    "Completion (Progress Report)",
    "_CompletionProgress",
    "Starred (2015 Only)",
    "Starred (Current Formula) Progress Report",
    "Potential for Results",
    "_Potential for Results",
    "Cluster (AP Review)",
    "Cluster Commitment ID(s)",
    "Report Publication Year (End Of Term)",
    "Completion (End Of Term)",
    "_CompletionEndTerm",
    "Change In Completion",
    "_ChangeCompletion",
    "Early Results",
    "_Early Results",
    "Did It Open Government (Overall)",
    "_OpenGovernment",
    "Did It Open Government (Access To Information)",
    "_DIOGATI",
    "Did It Open Government (Civic Participation)",
    "_DIOGCP",
    "Did It Open Government: Public Accountability",
    "_DIOGPA",
    "Starred (Current Formula) End of Term",
    "Carried Forward",
    "Most Recently Assessed",
    "Star - Most Recently Assessed",
    "IRM Assessed",
    "Updated? (Website)",
    "Active Commitment",
    "Max star",
    "Ambition Assessed",
    "Comp Assessed",
    "DIOG Assessed",
    "Midterm Only",
    "Max Completion",
    "Raw Completion",
    "High Completion",
    "High Ambition",
    "High DIOG",
    "Ambitious and complete, or DIOG",
    "Ambitious but not complete",
    "Complete but not ambitious",
    "Not complete or ambitious",
    "Not reviewed",
    "CHECKSUM",
    "IRM-Based Score",
    "Binding constraint",
    "URL",
    "Latest IRM Report",
    "Subnational in NAPs",
    "Action Plan ID",
    "id",
)

#: The missing-data markers, spelled as OGP spells them.
MARKERS = ("ND", "NR", "NA")

#: Policy-area tags (0/1 cells): a commitment's ``themes`` list the tags whose cell is 1.
#: ``Subnational in NAPs`` is a tag too (1 for national plans' subnational commitments).
TAG_COLUMNS: tuple[str, ...] = (*COLUMNS[19:105], "Subnational in NAPs")

#: Columns that describe the action plan (one value per plan).
PLAN_COLUMNS: tuple[str, ...] = (
    "Country/Locality",
    "Action Plan Number",
    "Code",
    "Region",
    "National Or Local",
    "Year Of Submission",
    "Action Plan End Year",
    "Action Plan Duration (Years)",
    "Action Plan ID",
)

#: Plan columns with no typed home: kept verbatim in ``ActionPlan.extra``.
PLAN_EXTRA_COLUMNS: tuple[str, ...] = (
    "Region",
    "National Or Local",
    "Action Plan Duration (Years)",
)

#: OGP's cross-row or curated bookkeeping: inputs of the export (not derivable from one row),
#: kept verbatim in ``Commitment.extra``.
CROSS_ROW_COLUMNS: tuple[str, ...] = (
    "Most Recently Assessed",
    "Star - Most Recently Assessed",
    "IRM Assessed",
)

#: Commitment columns with no typed home: kept verbatim in ``Commitment.extra``.
COMMITMENT_EXTRA_COLUMNS: tuple[str, ...] = (
    "Commitment Dummy",
    "Theme",
    "Start Date",
    "End Date",
    "Compound",
    "Cluster",
    "Cluster (AP Review)",
    "Cluster Commitment ID(s)",
    *CROSS_ROW_COLUMNS,
    "Updated? (Website)",
    "URL",
    "Latest IRM Report",
    "id",
)

#: The analysis columns ``write_export`` computes with the library's rules (never read as data).
DERIVED_COLUMNS: tuple[str, ...] = (
    "Starred (2015 Only)",
    "Starred (Current Formula) Progress Report",
    "Change In Completion",
    "_ChangeCompletion",
    "Starred (Current Formula) End of Term",
    "Active Commitment",
    "Max star",
    "Ambition Assessed",
    "Comp Assessed",
    "DIOG Assessed",
    "Midterm Only",
    "Max Completion",
    "Raw Completion",
    "High Completion",
    "High Ambition",
    "High DIOG",
    "Ambitious and complete, or DIOG",
    "Ambitious but not complete",
    "Complete but not ambitious",
    "Not complete or ambitious",
    "Not reviewed",
    "CHECKSUM",
    "IRM-Based Score",
    "Binding constraint",
)

#: Derived from specificity / the OGP value flags for older plans, but the IRM's own input where
#: those are ND (2017+ plans): read as data, and written by the rule (which falls back on the
#: stored input).
PARTLY_DERIVED_COLUMNS: tuple[str, ...] = ("Verifiable", "_Relevant")


@frozen
class LabelColumn:
    """A label column and its numeric twin: which assessment field it fills, and OGP's table.

    ``labels`` maps each OGP label (markers included) to its member and twin code; ``written``
    maps each member to the label written for it (the first label listed for it).
    """

    column: str
    twin: str
    field: str
    vocabulary: type[Vocabulary]
    labels: Mapping[str, tuple[Vocabulary, str]]
    written: Mapping[Vocabulary, str]


def _label_column(
    column: str,
    twin: str,
    field: str,
    vocabulary: type[Vocabulary],
    *pairs: tuple[str, Vocabulary, str],
) -> LabelColumn:
    labels: dict[str, tuple[Vocabulary, str]] = {label: (m, code) for label, m, code in pairs}
    for marker in MARKERS:
        labels[marker] = (vocabulary.parse(marker), marker)
    written: dict[Vocabulary, str] = {}
    for label, (member, _code) in labels.items():
        written.setdefault(member, label)
    return LabelColumn(column, twin, field, vocabulary, labels, written)


_COMPLETION = (
    ("Withdrawn", Completion.WITHDRAWN, "0"),
    ("Unclear", Completion.UNCLEAR, "1"),
    ("Not Started", Completion.NOT_STARTED, "2"),
    ("Limited", Completion.LIMITED, "3"),
    ("Substantial", Completion.SUBSTANTIAL, "4"),
    ("Complete", Completion.COMPLETE, "5"),
)
_DIOG_VALUE = (
    ("Not Applicable", DidItOpenGovernment.NOT_APPLICABLE, "0"),
    ("Worsens", DidItOpenGovernment.WORSENS, "1"),
    ("Did Not Change", DidItOpenGovernment.DID_NOT_CHANGE, "2"),
    ("Marginal", DidItOpenGovernment.MARGINAL, "3"),
    ("Major", DidItOpenGovernment.MAJOR, "4"),
    ("Outstanding", DidItOpenGovernment.OUTSTANDING, "5"),
)

#: The ten label columns with a numeric twin, in the export's order.
LABEL_COLUMNS: tuple[LabelColumn, ...] = (
    _label_column(
        "Specificity",
        "_Specificity",
        "specificity",
        Specificity,
        ("None", Specificity.NONE, "0"),
        ("Low", Specificity.LOW, "1"),
        ("Medium", Specificity.MEDIUM, "2"),
        ("High", Specificity.HIGH, "3"),
    ),
    _label_column(
        "Potential Impact",
        "_Potential Impact",
        "potential_impact",
        PotentialImpact,
        ("None", PotentialImpact.NONE, "0"),
        ("Minor", PotentialImpact.MINOR, "1"),
        ("Moderate", PotentialImpact.MODERATE, "2"),
        ("Transformative", PotentialImpact.TRANSFORMATIVE, "3"),
    ),
    _label_column(
        "Completion (Progress Report)",
        "_CompletionProgress",
        "completion_midterm",
        Completion,
        *_COMPLETION,
    ),
    _label_column(
        "Potential for Results",
        "_Potential for Results",
        "potential_for_results",
        PotentialForResults,
        ("Unclear", PotentialForResults.UNCLEAR, "0"),
        ("Modest", PotentialForResults.MODEST, "1"),
        ("Substantial", PotentialForResults.SUBSTANTIAL, "2"),
    ),
    _label_column(
        "Completion (End Of Term)",
        "_CompletionEndTerm",
        "completion_end_of_term",
        Completion,
        *_COMPLETION,
    ),
    _label_column(
        "Early Results",
        "_Early Results",
        "early_results",
        EarlyResults,
        ("No notable results", EarlyResults.NO_NOTABLE_RESULTS, "0"),
        ("Moderate", EarlyResults.MODERATE, "1"),
        ("Significant", EarlyResults.SIGNIFICANT, "2"),
    ),
    _label_column(
        "Did It Open Government (Overall)",
        "_OpenGovernment",
        "did_it_open_government",
        DidItOpenGovernment,
        ("Worsens", DidItOpenGovernment.WORSENS, "0"),
        ("Did Not Change", DidItOpenGovernment.DID_NOT_CHANGE, "1"),
        ("No early results to report yet", DidItOpenGovernment.NO_EARLY_RESULTS_YET, "1"),
        ("Marginal", DidItOpenGovernment.MARGINAL, "2"),
        ("Major", DidItOpenGovernment.MAJOR, "3"),
        ("Outstanding", DidItOpenGovernment.OUTSTANDING, "4"),
    ),
    _label_column(
        "Did It Open Government (Access To Information)",
        "_DIOGATI",
        "diog_access_to_information",
        DidItOpenGovernment,
        *_DIOG_VALUE,
    ),
    _label_column(
        "Did It Open Government (Civic Participation)",
        "_DIOGCP",
        "diog_civic_participation",
        DidItOpenGovernment,
        *_DIOG_VALUE,
    ),
    _label_column(
        "Did It Open Government: Public Accountability",
        "_DIOGPA",
        "diog_public_accountability",
        DidItOpenGovernment,
        *_DIOG_VALUE,
    ),
)
