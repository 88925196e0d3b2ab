//! The words the simulation writes: account names (a few hostile to HTML and spreadsheets),
//! the `info_*` field texts, and a note with a line break.

pub(super) const NAME_PREFIXES: [&str; 30] = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Soylent",
    "Stark",
    "Wayne",
    "Wonka",
    "Tyrell",
    "Cyberdyne",
    "Vandelay",
    "Pied Piper",
    "Dunder Mifflin",
    "Müller",
    "O'Brien",
    "Zoë's",
    "Nakatomi",
    "Bluth",
    "Prestige Worldwide",
    "Sterling Cooper",
    "Los Pollos",
    "Gringotts",
    "Oceanic",
    "Massive Dynamic",
    "Aperture",
    "Black Mesa",
    "Monarch",
    "Krüger-Wolff",
    "Yoyodyne",
];

pub(super) const NAME_SUFFIXES: [&str; 13] = [
    "",
    " Inc.",
    ", Inc.",
    " GmbH",
    " Ltd",
    " & Sons",
    " Corp",
    " LLC",
    " S.A.",
    " Holdings",
    " Group",
    " AG",
    " \"Labs\"",
];

pub(super) const HOSTILE_NAMES: [&str; 6] = [
    "<b>Initech</b>",
    "=HYPERLINK(\"x\")",
    "<script>alert(1)</script> Co",
    "+Plus Partners",
    "@Risk Advisory",
    "-Dash, Minus & Co",
];

pub(super) const INFO_TEXT: [[&str; 4]; 7] = [
    [
        "See doc",
        "filled in notes",
        "Replacing spreadsheets across 3 sites",
        "Family-owned, \"cautious\" buyer",
    ],
    [
        "See doc",
        "Champion: Dir. Ops; economic buyer: CFO",
        "filled in notes",
        "Sponsor VP Sales, admin J. Doe",
    ],
    [
        "Cut onboarding time by 30%",
        "See doc",
        "Consolidate tools, improve reporting",
        "filled in notes",
    ],
    [
        "Phase 1: 2 teams, 50 seats",
        "filled in notes",
        "All regions; SSO required",
        "See doc",
    ],
    [
        "SSO via Okta, Salesforce sync",
        "See doc",
        "On-prem AD; API rate limits",
        "filled in notes",
    ],
    [
        "Go-live before quarter end",
        "filled in notes",
        "Kickoff week 2, training week 4",
        "See doc",
    ],
    [
        "Budget review in 6 months",
        "Champion leaving; low exec buy-in",
        "filled in notes",
        "Data migration risk; legacy vendor contract overlaps",
    ],
];

/// A rare note pasted with a line break (legal: RFC 4180 quoting).
pub(super) const MULTILINE_NOTE: &str = "Notes from the call:\nsee the deal desk summary";
