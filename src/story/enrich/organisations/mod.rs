//! Organisations a story mentions: companies, government bodies, agencies, unions, parties,
//! universities, international bodies, and news outlets where they act in the story.
//!
//! Rules each readable on its own find candidates; the main ones:
//! - **Known names** (`data/organisations/known.tsv`, one Aho-Corasick automaton): bodies and
//!   companies that carry no tell-tale word ("the Kremlin", "Lufthansa", "NATO"). An outlet counts
//!   only where it acts ("told AFP", "disse à Lusa"), not in a dateline or credit; a company
//!   after "the" ("the Amazon") or after another name word ("Harrison Ford") is not taken.
//! - **Head words**: a capitalized run that ends in a word like *Department*, *Authority* or
//!   *Airlines* ("Oregon Department of Forestry", "Airlines for America"), or opens with one
//!   in the Romance order ("Banco Central de Cuba", "Instituto Português do Mar e da Atmosfera").
//! - **Apposition**: a capitalized name right after a lower-case kind of organisation ("state
//!   copper giant Codelco", "die Gewerkschaft Verdi").
//! - **Acronyms**: capitals-only words that are not units, zones or titles (`SNCTA`, `ZESCO`).
//!   An acronym given in parentheses after a full name, or spelling its initials, is the same
//!   organisation, listed under the full name.
//! - **Teams**: "the" and a city or region with a plural after it ("the Buffalo Bills").
//! - **Market context** (`market_context`): a name with no tell-tale word that the story gives
//!   shares, a chief executive or an analyst's employer ("shares in Rio Tinto").
//! - **Sentence case** (`sentence_case`): names only partly capitalized, as French copy writes
//!   them ("le ministère des Armées", "le Conseil constitutionnel").
//!
//! Each organisation is listed once, under the fullest form the story uses, with its mentions.

mod market_context;
mod sentence_case;

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

use super::people::{is_role_noun, makes_no_name};
use super::places::Place;
use super::word_starts::WordStartNames;
use super::{in_dateline_tag, is_office, WordList, CALENDAR, GERMAN_DETERMINERS, SENTENCE_ADVERBS};
use crate::story::gazetteer::{fold, gazetteer};
use crate::story::text::{follows_a_dash, opens_sentence, without_possessive, Text};

const KNOWN: &str = include_str!("../../../../data/organisations/known.tsv");
const NOT_ACRONYMS: &str = include_str!("../../../../data/organisations/not_acronyms.txt");

/// A word in capitals naming a city this large is the city (a dateline), not an acronym.
const PLACE_IN_CAPITALS: u64 = 50_000;

/// An organisation the story mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    /// The fullest form the story uses.
    pub name: String,
    /// The abbreviation the story also uses for it ("RBA"), when it does.
    pub acronym: Option<String>,
    /// Character offsets `[start, end)` of each mention in the clean body.
    pub mentions: Vec<(usize, usize)>,
}

/// What a known organisation is; outlets are treated apart because they are everywhere in
/// credits and datelines and count only where the story has them act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KnownKind {
    Outlet,
    Company,
    Other,
}

struct KnownNames {
    names: WordStartNames,
    /// Per pattern: the canonical name and its kind.
    entries: Vec<(String, KnownKind)>,
    not_acronyms: Vec<String>,
}

impl KnownNames {
    /// Whether a capitalized abbreviation is listed as no organisation's (units, zones, DNA).
    fn is_not_acronym(&self, word: &str) -> bool {
        self.not_acronyms.iter().any(|listed| listed == word)
    }
}

fn known() -> &'static KnownNames {
    static KNOWN_NAMES: OnceLock<KnownNames> = OnceLock::new();
    KNOWN_NAMES.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        for line in KNOWN
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let mut fields = line.split('\t');
            let (Some(name), Some(kind)) = (fields.next(), fields.next()) else {
                continue;
            };
            let kind = match kind {
                "outlet" => KnownKind::Outlet,
                "company" => KnownKind::Company,
                _ => KnownKind::Other,
            };
            let aliases = fields.next().unwrap_or("");
            for pattern in std::iter::once(name).chain(aliases.split('|').filter(|a| !a.is_empty()))
            {
                patterns.push(pattern.to_owned());
                entries.push((name.to_owned(), kind));
                // Copy in English drops accents: "Itau Unibanco", "Nestle", "Societe Generale".
                let unaccented: String = pattern
                    .nfd()
                    .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                    .collect();
                if unaccented != pattern {
                    patterns.push(unaccented);
                    entries.push((name.to_owned(), kind));
                }
            }
        }
        let names = WordStartNames::new(&patterns)
            .expect("the known-organisation list builds an automaton");
        let not_acronyms = NOT_ACRONYMS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect();
        KnownNames {
            names,
            entries,
            not_acronyms,
        }
    })
}

/// Whether the name of a known organisation begins at byte `start` of `text` and runs to `end`
/// or beyond: "Air France" over "France".
pub(super) fn known_name_covers(text: &str, start: usize, end: usize) -> bool {
    known()
        .names
        .longest_at(text, start)
        .is_some_and(|name_end| name_end >= end)
}

/// Builds the automaton now rather than on the first story.
pub fn prepare() {
    known();
}

/// Whether a word ends organisation names ("Department", "Airlines"): people's names never
/// contain one.
pub(super) fn is_head_word(word: &str) -> bool {
    HEADS.contains(word)
}

/// How German compounds that name organisations end, inflected forms included:
/// "Gewerkschaftsbund", "Bundesamtes", "Bauernverband", "Bundesverfassungsgericht".
const GERMAN_COMPOUND_HEADS: &[&str] = &[
    "bund",
    "bundes",
    "amt",
    "amtes",
    "amts",
    "verband",
    "verbandes",
    "verbands",
    "ministerium",
    "ministeriums",
    "behörde",
    "kammer",
    "gericht",
    "gerichts",
    "gerichtes",
    "anwaltschaft",
    "partei",
    "gewerkschaft",
    "institut",
    "instituts",
    "agentur",
    "kommission",
    "konzern",
    "konzerns",
];

/// Whether a capitalized word is a German compound that ends like an organisation's name, with
/// three letters at least before the ending (`Bund` alone is not one, and `Insgesamt` is an
/// adverb, where `Bundesamt`, `Arbeitsamt` and `Gesundheitsamt` are offices).
fn is_german_compound_head(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && !word.ends_with("gesamt")
        && GERMAN_COMPOUND_HEADS.iter().any(|head| {
            word.len() >= head.len() + 3
                && word.is_char_boundary(word.len() - head.len())
                && word[word.len() - head.len()..].eq_ignore_ascii_case(head)
        })
}

/// Words that end an English or German organisation name: "Department", "Airlines".
static HEADS: WordList = WordList::new(&[
    "Securities",
    "Academy",
    "Observatory",
    "Department",
    "Ministry",
    "Bank",
    "Committee",
    "Commission",
    "Association",
    "University",
    "Council",
    "Agency",
    "Service",
    "Services",
    "Office",
    "Party",
    "Union",
    "Company",
    "Corporation",
    "Corp.",
    "Co",
    "Co.",
    "Inc.",
    "Ltd",
    "Ltd.",
    "LLC",
    "PLC",
    "AG",
    "GmbH",
    "SA",
    "A/S",
    "ASA",
    "plc",
    "Oyj",
    "KGaA",
    "N.V.",
    "S.A.",
    "S.p.A.",
    "SpA",
    "Ltda",
    "Group",
    "Systems",
    "Institute",
    "Institution",
    "Authority",
    "Survey",
    "Chamber",
    "Court",
    "Guard",
    "Patrol",
    "Police",
    "Army",
    "Navy",
    "Airlines",
    "Airways",
    "Energy",
    "Foundation",
    "Fund",
    "Programme",
    "Alliance",
    "Organization",
    "Organisation",
    "Bureau",
    "Reserve",
    "Board",
    "Capital",
    "Federation",
    "Coalition",
    "Government",
    "Administration",
    "Secretariat",
    "Assembly",
    "Parliament",
    "Senate",
    "Congress",
    "Trust",
    "Holdings",
    "Partners",
    "Associates",
    "Industries",
    "Motors",
    "Motor",
    "Technologies",
    "Pharmaceuticals",
    "Devices",
    "Instruments",
    "Electronics",
    "Semiconductors",
    "Communications",
    "Telecom",
    "Petroleum",
    "Chemicals",
    "Laboratories",
    "Laboratory",
    "Consulting",
    "Consultants",
    "Advisors",
    "Advisory",
    "Economics",
    "Investments",
    "Investimentos",
    "Inversiones",
    "Ventures",
    "Analytics",
    "Lab",
    "Labs",
    "Therapeutics",
    "Aerospace",
    "Dynamics",
    "Logistics",
    "Foods",
    "Brands",
    "Management",
    "Railways",
    "Rail",
    "Grid",
    "Railway",
    "Power",
    "Electric",
    "Network",
    "Press",
    "Times",
    "Herald",
    "Post",
    "Journal",
    "Centre",
    "Center",
    "College",
    "School",
    "Hospital",
    "Club",
    "FC",
    "CF",
    "League",
    "Society",
    "Forces",
    "Force",
    "Cartel",
    "Caucus",
    "Ministerium",
    "Gewerkschaft",
    "Partei",
    "Verband",
    "Behörde",
    "Amt",
]);

/// Words that open a Romance-language (or "X of Y") organisation name: "Banco Central de Cuba",
/// "Ministry of Power", "Centre for Grid Studies".
static LEADS: WordList = WordList::new(&[
    "Ministry",
    "Academy",
    "Academia",
    "Académie",
    "Akademie",
    "Observatory",
    "Observatorio",
    "Observatório",
    "Observatoire",
    "Procuraduría",
    "Procuradoria",
    "Department",
    "University",
    "Bank",
    "Centre",
    "Center",
    "Institute",
    "Council",
    "Office",
    "Federation",
    "Association",
    "Chamber",
    "Organization",
    "Organisation",
    "Organización",
    "Organização",
    "Commission",
    "Board",
    "Bureau",
    "Court",
    "Airlines",
    "Aerolíneas",
    "Frente",
    "Ministerio",
    "Ministério",
    "Ministère",
    "Departamento",
    "Banco",
    "Banque",
    "Instituto",
    "Institut",
    "Autoridade",
    "Autoridad",
    "Agência",
    "Agencia",
    "Agence",
    "Câmara",
    "Cámara",
    "Chambre",
    "Guarda",
    "Guardia",
    "Grupo",
    "Groupe",
    "Universidad",
    "Universidade",
    "Université",
    "Comisión",
    "Comissão",
    "Secretaría",
    "Delegación",
    "Delegação",
    "Délégation",
    "Secretaria",
    "Fundación",
    "Fundação",
    "Fondation",
    "Federación",
    "Federação",
    "Fédération",
    "Confederación",
    "Confédération",
    "Confederação",
    "Confederation",
    "Asociación",
    "Associação",
    "Sociedad",
    "Sociedade",
    "Sindicato",
    "Syndicat",
    "Partido",
    "Parti",
    "Tribunal",
    "Asamblea",
    "Assembleia",
    "Assemblée",
    "Conseil",
    "Consejo",
    "Conselho",
    "Unión",
    "União",
    "Empresa",
    "Compañía",
    "Companhia",
    "Policía",
    "Polícia",
    "Fuerzas",
    "Forças",
    "Servicio",
    "Serviço",
    "Service",
    "Junta",
    "Coordination",
    "Centres",
    "Centers",
    "Comitê",
    "Coordinadora",
    "Coordinación",
    "Coordenação",
    "Gobierno",
    "Governo",
    "Gouvernement",
    "Unidad",
    "Unidade",
    "Unité",
    "Dirección",
    "Direção",
    "FC",
    "Ordem",
    "Orden",
    "Ordre",
    "Colegio",
    "Colégio",
    "Direction",
    "Oficina",
    "Comité",
    "Ejército",
    "Exército",
    "Armée",
    "Ayuntamiento",
    "Cortes",
    "Centro",
    "Prefeitura",
    "Mairie",
    "Fiscalía",
    "Audiencia",
    "Cártel",
    "Cartel",
    "Defensoría",
    // Royal institutions and the clubs named after them: "Real Academia Española", "Real
    // Federación Española de Fútbol", "Real Madrid".
    "Real",
]);

/// Lower-case kinds of organisation that introduce a name in apposition: "agency Corfo".
static KIND_NOUNS: WordList = WordList::new(&[
    "company",
    "firm",
    "giant",
    "group",
    "agency",
    "union",
    "carrier",
    "airline",
    "bank",
    "lender",
    "insurer",
    "retailer",
    "buyer",
    "maker",
    "automaker",
    "carmaker",
    "operator",
    "utility",
    "broadcaster",
    "newspaper",
    "regulator",
    "watchdog",
    "startup",
    "conglomerate",
    "miner",
    "supplier",
    "exporter",
    "developer",
    "manufacturer",
    "chain",
    "charity",
    "nonprofit",
    "organization",
    "organisation",
    "consultancy",
    "Gewerkschaft",
    "Konzern",
    "Partei",
    "Unternehmen",
    "Verband",
    "Behörde",
    "empresa",
    "compañía",
    "sindicato",
    "aerolínea",
    "société",
    "entreprise",
    "syndicat",
    "companhia",
    "parti",
    "partido",
    "coalition",
    "coalición",
    "coligação",
    "alliance",
    "alianza",
    "aliança",
    "movement",
    "mouvement",
    "movimiento",
    "movimento",
    // "A varejista Magazine Luiza", "la petrolera Ecopetrol", "le constructeur Stellantis".
    "varejista",
    "minorista",
    "montadora",
    "construtora",
    "constructora",
    "operadora",
    "aseguradora",
    "seguradora",
    "mineradora",
    "minera",
    "petrolera",
    "petroleira",
    "farmacéutica",
    "farmacêutica",
    "fabricante",
    "banco",
    "grupo",
    "gigante",
    "constructeur",
    "groupe",
    "géant",
    "assureur",
    "opérateur",
    "distributeur",
    "banque",
    "compagnie",
    "laboratoire",
]);

/// Small words inside organisation names: "Chamber of Commerce", "Fish & Wildlife",
/// "Organización Internacional para las Migraciones".
static CONNECTORS: WordList = WordList::new(&[
    "of", "for", "and", "&", "on", "de", "del", "da", "do", "dos", "das", "des", "du", "e", "y",
    "et", "und", "für", "para", "pour", "la", "las", "los", "les", "the",
]);

/// What a body works against, inside a name whose head leads: "Departamento de Protección
/// contra Incendios", "Ligue contre le cancer", "Bündnis gegen Rechts". Between two names
/// without a head it is a match or a lawsuit ("Spain against Portugal").
static AGAINST: WordList = WordList::new(&["against", "contra", "contre", "gegen"]);

/// Words that make "Bank" a river's bank.
const COMPASS: &[&str] = &["North", "South", "East", "West", "Left", "Right"];

/// The connectors that join two things rather than a name's parts.
static CONJUNCTIONS: WordList = WordList::new(&["and", "&", "e", "y", "et", "und"]);

/// Articles before a body's name: "a Secretaria de Saúde", "la Secretaría de Energía".
static BODY_ARTICLES: WordList = WordList::new(&["the", "a", "o", "la", "el", "le", "A", "La"]);

/// Words capitalized only because they open a sentence or name something else.
static OPENERS: WordList = WordList::new(&[
    "The", "A", "An", "In", "On", "At", "But", "And", "For", "With", "After", "Before", "As",
    "When", "While", "If", "Since", "By", "From", "To", "This", "That", "Its", "El", "La", "Los",
    "Las", "Le", "Les", "L’", "Der", "Die", "Das", "Den", "Dem", "O", "Os", "Un", "Une", "Una",
    "Um", "Uma", "Ein", "Eine", "Según", "Segundo", "Selon", "Laut", "Nach", "Former", "Ex",
]);

/// Words before an outlet that make it act in the story: "told AFP", "disse à Lusa".
const OUTLET_CUES_BEFORE: &[&str] = &[
    "told", "to", "à", "a", "al", "der", "dem", "with", "per", "agência", "agencia", "agence",
];
/// Articles between a cue and an outlet: "told the BBC", "a déclaré à la BBC".
static OUTLET_ARTICLES: WordList = WordList::new(&["the", "la", "le", "el", "l'", "l’"]);
/// Words after an outlet that make it act in the story: "Reuters reported".
static OUTLET_CUES_AFTER: WordList = WordList::new(&[
    "reported",
    "reports",
    "said",
    "says",
    "learned",
    "quoted",
    "cited",
    "radio",
    "television",
    "berichtete",
    "meldete",
    "informou",
    "informó",
    "rapporte",
]);

/// A word of the body with its byte range, trailing punctuation set aside.
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// Punctuation after the word ends any name it is part of (`,` `.` `)` `:` …).
    ends_name: bool,
    /// Punctuation before the word (`(` `“` …) starts a new name.
    after_punctuation: bool,
    /// A comma follows: the word may close one item of a list inside a name.
    before_comma: bool,
    /// `is_capitalized`, worked out once: every rule asks it of most tokens.
    capitalized: bool,
}

fn tokens<'a>(text: &Text<'a>) -> Vec<Token<'a>> {
    let body = text.body();
    let mut out = Vec::with_capacity(text.pieces().len());
    // The runs of letters and digits, walked alongside the pieces.
    let mut runs = text.alphanumeric_runs().iter().peekable();
    for &(start_of_piece, end) in text.pieces() {
        let word = &body[start_of_piece..end];
        while runs.next_if(|run| run.0 < start_of_piece).is_some() {}
        // Most words are plain letters and digits, one run of them: nothing to trim, nothing
        // around them.
        if runs.peek() == Some(&&(start_of_piece, end)) {
            out.push(Token {
                text: word,
                start: start_of_piece,
                end: start_of_piece + word.len(),
                ends_name: false,
                after_punctuation: false,
                before_comma: false,
                capitalized: is_capitalized(word),
            });
            continue;
        }
        let lead = word.len()
            - word
                .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '&')
                .len();
        let mut core = &word[lead..];
        let mut start = start_of_piece + lead;
        // Elided articles belong to the next word: "l’AFP", "d'Odemira".
        if let Some(rest) = core
            .strip_prefix(['l', 'd', 'L', 'D'])
            .and_then(|rest| rest.strip_prefix(['’', '\'']))
            .filter(|rest| rest.starts_with(char::is_uppercase))
        {
            start += core.len() - rest.len();
            core = rest;
        }
        let trimmed = trim_trailing(core);
        if trimmed.is_empty() {
            // A dash or other sign standing alone ends the name before it: "NAIROBI, Kenya —
            // Kenya's National Assembly".
            if let Some(last) = out.last_mut() {
                last.ends_name = true;
            }
            continue;
        }
        out.push(Token {
            text: trimmed,
            start,
            end: start + trimmed.len(),
            ends_name: trimmed.len() < core.len(),
            after_punctuation: lead > 0,
            before_comma: core[trimmed.len()..].starts_with(','),
            capitalized: is_capitalized(trimmed),
        });
    }
    out
}

/// Trailing punctuation off a word, keeping the full stop of abbreviations ("U.S.", "Inc.").
fn trim_trailing(word: &str) -> &str {
    let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '&');
    // An abbreviation keeps its full stop ("U.S.", "Inc."), whatever follows it.
    let is_abbreviation = word[bare.len()..].starts_with('.')
        && (bare.contains('.') || matches!(bare, "Inc" | "Corp" | "Co" | "Ltd" | "St" | "Bros"));
    if is_abbreviation {
        &word[..bare.len() + 1]
    } else {
        bare
    }
}

/// A word that can be part of a name: capitalized, and not an adjective made with a hyphen
/// ("Delhi-based", "Kremlin-backed").
fn is_capitalized(word: &str) -> bool {
    let adjective = || {
        word.bytes()
            .rposition(|b| b == b'-')
            .is_some_and(|hyphen| word[hyphen + 1..].chars().all(char::is_lowercase))
    };
    word.starts_with(char::is_uppercase) && !adjective() && !is_a_model(word)
}

/// Capitals and a number after a hyphen are a model or a variant, not a body or part of its
/// name: "the CRJ-200 of Yeti Airlines", "ATR-72", "COVID-19".
fn is_a_model(word: &str) -> bool {
    word.rsplit_once('-').is_some_and(|(letters, number)| {
        !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && letters.chars().all(|c| c.is_uppercase() || c == '-')
    })
}

fn base(word: &str) -> &str {
    without_possessive(word)
}

/// `SNCTA`, `UNSA-ICNA`, `AT&T`: capitals (and digits) only, three to eight letters (two-letter
/// capitals are too often initials, codes or shouting to stand alone).
fn is_acronym(word: &str) -> bool {
    // Most words fail at their first two characters.
    let mut head = word.chars();
    let opens_in_capitals = head.next().is_some_and(char::is_uppercase)
        && head
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '&'));
    if !opens_in_capitals {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    !is_a_model(word)
        && (3..=8).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '&'))
        && word.chars().next().is_some_and(char::is_uppercase)
        && !word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M' | '-'))
}

/// A found name before merging: its text and byte range.
#[derive(Debug, Clone)]
struct Found {
    name: String,
    start: usize,
    end: usize,
    /// For a known alias ("Fed", "U.N."): the full name, which the mention joins when the story
    /// also writes it out.
    alias_of: Option<String>,
}

/// Finds organisations in the clean body; `places` are the places found in it (a country
/// before a possessive is not part of the name: "Brazil’s Petrobras"), and `language` the
/// story's ISO 639-1 code when known (German compounds are read as head words in German stories
/// only: elsewhere the question costs every capitalized word and finds nothing).
pub fn find_organisations(
    text: &Text<'_>,
    places: &[Place],
    language: Option<&str>,
) -> Vec<Organisation> {
    let body = text.body();
    let tokens = tokens(text);
    let german = language == Some("de");
    let mut found = Vec::new();
    found.extend(head_word_names(text, &tokens, places, german));
    found.extend(appositions(body, &tokens, places, german));
    found.extend(parties_named_before(body, &tokens));
    found.extend(team_names(body, &tokens, places));
    found.extend(market_context::market_names(body, &tokens, places));
    found.extend(sentence_case::sentence_case_names(
        body,
        &tokens,
        places,
        language == Some("fr"),
    ));
    found.extend(known_names(text, &tokens, german));
    found.extend(acronyms(text, &tokens, places));
    let spelled_out = spelled_out_acronyms(text, &tokens, places);
    found.extend(spelled_out.organisations);
    found.extend(camel_case_names(&tokens));
    let listed = coordinated_names(text, &tokens, &found, places);
    found.extend(listed);
    let short = names_without_legal_form(&tokens, &found);
    found.extend(short);
    found.retain(|f| !spelled_out.place_acronyms.contains(&f.name.as_str()));
    // "MADRID (Europa Press) -", "LUBBOCK, Texas (HealthWire) —": the outlet that filed the
    // story tags its dateline, and does not act in it, whatever rule took its name.
    let body = text.body();
    found.retain(|f| !in_dateline_tag(body, f.start, f.end));
    merge(text, found)
}

/// A company named once with its legal form is named without it elsewhere: "Nordvind A/S" …
/// "Nordvind's offshore projects", "Siemens Energy AG" … "Shares in Siemens Energy". Each such
/// use is an alias of the full name, which it joins.
fn names_without_legal_form(tokens: &[Token<'_>], found: &[Found]) -> Vec<Found> {
    let mut short = Vec::new();
    for full in found {
        let Some((bare, form)) = full.name.rsplit_once(' ') else {
            continue;
        };
        if !LEGAL_FORMS.contains(form) {
            continue;
        }
        let words: Vec<&str> = bare.split(' ').collect();
        for (index, window) in tokens.windows(words.len()).enumerate() {
            let last = &window[window.len() - 1];
            let matches = window
                .iter()
                .zip(&words)
                .enumerate()
                .all(|(k, (token, word))| {
                    let written = if k + 1 == words.len() {
                        base(token.text)
                    } else {
                        token.text
                    };
                    written == *word
                });
            let inside_full = window[0].start >= full.start && window[0].start < full.end;
            // "Siemens Energy AG" is not "Siemens" again.
            let longer = tokens
                .get(index + words.len())
                .is_some_and(|next| next.capitalized && !last.ends_name);
            if !matches || inside_full || longer {
                continue;
            }
            short.push(Found {
                name: bare.to_owned(),
                start: window[0].start,
                end: last.start + base(last.text).len(),
                alias_of: Some(full.name.clone()),
            });
        }
    }
    short
}

/// `CalMac`, `AgroVektor`, `BlackRock`: a capital inside a Latin-script word is a brand's, not a
/// person's (surname prefixes like Mc, Mac, De, Le aside).
fn camel_case_names(tokens: &[Token<'_>]) -> Vec<Found> {
    const SURNAME_PREFIXES: &[&str] = &[
        "Mc", "Mac", "De", "Di", "Da", "Le", "La", "Van", "Von", "Fitz", "O’", "O'",
    ];
    tokens
        .iter()
        // A brand is capitalized: the token's flag turns most words away first.
        .filter(|token| token.capitalized)
        .filter(|token| {
            let word = base(token.text);
            if !word.starts_with(char::is_uppercase) {
                return false;
            }
            let inner_capital = word
                .char_indices()
                .skip(1)
                .any(|(i, c)| c.is_uppercase() && word[..i].ends_with(char::is_lowercase));
            is_capitalized(word)
                && inner_capital
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() && (c as u32) < 0x0250)
                && !SURNAME_PREFIXES.iter().any(|p| {
                    word.strip_prefix(p)
                        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
                })
        })
        .map(|token| Found {
            name: base(token.text).to_owned(),
            start: token.start,
            end: token.start + base(token.text).len(),
            alias_of: None,
        })
        .collect()
}

/// "Microsoft, Amazon and Zillow": a one-word name listed together with organisations is one
/// too, when it is not a place.
fn coordinated_names(
    text: &Text<'_>,
    tokens: &[Token<'_>],
    found: &[Found],
    places: &[Place],
) -> Vec<Found> {
    let mut found_starts: Vec<usize> = found.iter().map(|f| f.start).collect();
    found_starts.sort_unstable();
    let is_found = |token: &Token<'_>| found_starts.binary_search(&token.start).is_ok();
    let is_place = |token: &Token<'_>| {
        let offset = text.char_offset(token.start);
        places
            .iter()
            .any(|p| p.mentions.iter().any(|m| m.0 == offset))
    };
    let mut listed = Vec::new();
    let mut items = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        if !tokens[index].capitalized {
            index += 1;
            continue;
        }
        // Collect "A, B, C and D" of single capitalized words.
        items.clear();
        items.push(index);
        let mut at = index;
        loop {
            let token = &tokens[at];
            if !token.capitalized || OPENERS.contains(token.text) {
                break;
            }
            if token.before_comma && tokens.get(at + 1).is_some_and(|t| t.capitalized) {
                at += 1;
                items.push(at);
            } else if !token.ends_name
                && tokens
                    .get(at + 1)
                    .is_some_and(|t| matches!(t.text, "and" | "or"))
                && tokens.get(at + 2).is_some_and(|t| t.capitalized)
            {
                at += 2;
                items.push(at);
                break;
            } else {
                break;
            }
        }
        let words_only = items.iter().all(|&i| {
            tokens[i].capitalized
                && (i + 1 >= tokens.len() || tokens[i].ends_name || !tokens[i + 1].capitalized)
        });
        let anchored = items.iter().any(|&i| is_found(&tokens[i]));
        if items.len() >= 3 && words_only && anchored {
            for &i in &items {
                let token = &tokens[i];
                if !is_found(token) && !is_place(token) {
                    listed.push(Found {
                        name: base(token.text).to_owned(),
                        start: token.start,
                        end: token.start + base(token.text).len(),
                        alias_of: None,
                    });
                }
            }
        }
        index = at + 1;
    }
    listed
}

/// Runs of capitalized words joined by spaces or connectors, never across punctuation, as
/// token index ranges; with `german`, split at conjunctions as German compounds count as heads.
fn capitalized_runs(tokens: &[Token<'_>], german: bool) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        if !tokens[index].capitalized {
            index += 1;
            continue;
        }
        let start = index;
        let mut end = index + 1;
        // A weekday or a month is when, not part of a name: "the Premier League on Sunday",
        // "the Senate Tuesday".
        let continues = |token: &Token<'_>| token.capitalized && !CALENDAR.contains(token.text);
        while end < tokens.len() && !tokens[end - 1].ends_name && !tokens[end].after_punctuation {
            if continues(&tokens[end]) {
                end += 1;
                continue;
            }
            let head_leads = || tokens[start..end].iter().any(|t| LEADS.contains(t.text));
            let mut next = end;
            while next < tokens.len()
                && (CONNECTORS.contains(tokens[next].text)
                    || AGAINST.contains(tokens[next].text) && head_leads())
                && !tokens[next].ends_name
                && next - end < 2
            {
                next += 1;
            }
            if next > end && tokens.get(next).is_some_and(continues) {
                end = next + 1;
            } else {
                break;
            }
        }
        // "Ministry of Agriculture, Forestry and Fisheries": a list inside a name.
        if let Some(list_end) = list_continuation(tokens, start, end) {
            end = list_end;
        }
        split_at_conjunctions(tokens, start, end, german, &mut runs);
        index = end;
    }
    runs
}

/// "American Airlines and Frontier Airlines" are two names, "Ministry of Energy and Mines" one:
/// a run splits at a conjunction when each side has a word that makes an organisation ("das
/// Auswärtige Amt und das Bundesamt für Migration" too, with `german`), or when a head word
/// closes the name before it. The parts go to `runs`.
fn split_at_conjunctions(
    tokens: &[Token<'_>],
    start: usize,
    end: usize,
    german: bool,
    runs: &mut Vec<(usize, usize)>,
) {
    let has_head = |range: &[Token<'_>]| {
        range.iter().any(|t| {
            HEADS.contains(base(t.text))
                || LEADS.contains(t.text)
                || german && is_german_compound_head(t.text)
        })
    };
    let mut from = start;
    for at in start + 1..end {
        // "Georgian and European Union flags": a nationality before the conjunction qualifies
        // something else, and the name is the other side.
        let nationality_before = at == from + 1 && is_nationality_adjective(tokens[from].text);
        // "Nvidia and Advanced Micro Devices", "Shares of Nvidia and Tesla Motors": a known
        // name right before the conjunction is an item of its own.
        let known_before = || {
            let item = (from..at)
                .rev()
                .find(|&i| CONNECTORS.contains(tokens[i].text))
                .map_or(from, |connector| connector + 1);
            let words: Vec<&str> = tokens[item..at].iter().map(|t| t.text).collect();
            !words.is_empty() && known().names.is_name(&words.join(" "))
        };
        // "Swatch Group et de Richemont": a name closed by its head word, then a conjunction
        // with a connector of its own, starts another item ("Ministério da Agricultura e do
        // Abastecimento", whose head leads, stays one).
        let closed_then_connector = || {
            HEADS.contains(base(tokens[at - 1].text))
                && tokens
                    .get(at + 1)
                    .is_some_and(|next| CONNECTORS.contains(next.text))
        };
        // "Vietnam Airlines and Vietjet", "Turkish Airlines and Garanti BBVA": a name closed by
        // its head word, then one or two more words with none, are two companies; a name whose
        // head leads takes the words as its own ("Ministry of Energy and Mines"), and "&" joins
        // ("Florida Power & Light").
        let closed_then_few_words = || {
            tokens[at].text != "&"
                && at >= from + 2
                && (at + 2..=at + 3).contains(&end)
                && HEADS.contains(base(tokens[at - 1].text))
                && !has_head(&tokens[at + 1..end])
                && !tokens[from..at - 1].iter().any(|t| LEADS.contains(t.text))
        };
        // "NetChoice and the Computer & Communications Industry Association": an article after
        // the conjunction opens another name, unless the name before it has a head that leads
        // and takes complements ("Ministry of Housing and the Environment").
        let article_after = || {
            tokens[at].text != "&"
                && tokens
                    .get(at + 1)
                    .is_some_and(|next| matches!(next.text, "the" | "la" | "las" | "los" | "les"))
                && !tokens[from..at].iter().any(|t| LEADS.contains(t.text))
        };
        if CONJUNCTIONS.contains(tokens[at].text)
            && (has_head(&tokens[at + 1..end])
                && (has_head(&tokens[from..at])
                    || nationality_before
                    || known_before()
                    || article_after())
                || closed_then_connector()
                || closed_then_few_words())
        {
            runs.push((from, at));
            from = past_connectors(tokens, at + 1, end);
        }
    }
    runs.push((from, end));
}

/// The first token from `at` on (before `end`) that is no connector: a name opens with none.
fn past_connectors(tokens: &[Token<'_>], at: usize, end: usize) -> usize {
    (at..end)
        .find(|&index| !CONNECTORS.contains(tokens[index].text))
        .unwrap_or(end.max(at))
}

/// Whether a capitalized English word reads as an adjective of nationality: "Georgian",
/// "European", "Chinese", "British" (long enough that "Fish" of "Fish and Wildlife" is none).
fn is_nationality_adjective(word: &str) -> bool {
    word.len() >= 6
        && word.chars().all(char::is_alphabetic)
        && ["ian", "ean", "ese", "ish"]
            .iter()
            .any(|ending| word.ends_with(ending))
}

/// After "Ministry of Agriculture" and a comma: "Forestry and Fisheries" belongs to the name when
/// the run opened with an "X of" word and the list closes with "and" + a capitalized word.
fn list_continuation(tokens: &[Token<'_>], start: usize, end: usize) -> Option<usize> {
    let opens_with_lead = (start..end.min(start + 2)).any(|lead| {
        LEADS.contains(tokens[lead].text)
            && tokens
                .get(lead + 1)
                .is_some_and(|t| CONNECTORS.contains(t.text))
    });
    if !opens_with_lead || !tokens[end - 1].before_comma {
        return None;
    }
    let mut index = end;
    while index + 2 < tokens.len() && index - end < 6 {
        let token = &tokens[index];
        if !token.capitalized || token.after_punctuation {
            return None;
        }
        if !token.ends_name && tokens[index + 1].text == "and" && tokens[index + 2].capitalized {
            return Some(index + 3);
        }
        if !token.before_comma {
            return None;
        }
        index += 1;
    }
    None
}

/// Names that end in a head word or open with one; with `german`, compounds that end like a head
/// word count as one (`is_german_compound_head`).
fn head_word_names(
    text: &Text<'_>,
    tokens: &[Token<'_>],
    places: &[Place],
    german: bool,
) -> Vec<Found> {
    let body = text.body();
    let mut found = Vec::new();
    for (mut start, end) in capitalized_runs(tokens, german) {
        // Openers, and the article or preposition after one: "Según la Defensoría del Pueblo";
        // an adverb only where it opens the sentence ("Even Goldman Sachs said"; "shares of Just
        // Eat" keep their word).
        let opens = |at: usize| opens_sentence(body, at) || follows_a_dash(body, at);
        // "Los Angeles County", "El Paso Police": the article of the name of a place the story
        // names is the name's ("El Banco Central", though El Banco is a town, is not).
        let opens_a_place = |at: usize| {
            tokens.get(at + 1).is_some_and(|next| {
                let name = &body[tokens[at].start..next.start + base(next.text).len()];
                places.iter().any(|place| place.name == name)
            })
        };
        while start < end
            && (OPENERS.contains(tokens[start].text) && !opens_a_place(start)
                || !tokens[start].capitalized && CONNECTORS.contains(tokens[start].text)
                || SENTENCE_ADVERBS.contains(tokens[start].text) && opens(tokens[start].start))
        {
            start += 1;
        }
        // An office before a connector, and what comes before it, is someone's title:
        // "Governor of the Bank of England", "Former Minister of Finance Rui Gomes and the
        // Governor of the Bank of Canada".
        // A capitalized office that also leads bodies' names, after an article, is the body:
        // "a Secretaria de Saúde", "la Secretaría de Energía".
        let the_body = |index: usize| {
            LEADS.contains(tokens[index].text)
                && index
                    .checked_sub(1)
                    .is_some_and(|before| BODY_ARTICLES.contains(tokens[before].text))
        };
        if let Some(office) = (start..end).rev().find(|&index| {
            tokens
                .get(index + 1)
                .is_some_and(|next| CONNECTORS.contains(next.text))
                && is_office(tokens[index].text)
                && !the_body(index)
        }) {
            start = past_connectors(tokens, office + 1, end);
        }
        // A role and a person's name before a connector are who works there: "Analyst Jane
        // Morrow of Wedbush Securities", "Economist Ana Ruiz at the Bank of Spain".
        let opens_with_a_person = start + 2 < end
            && is_role_noun(&tokens[start].text.to_lowercase())
            && !CONNECTORS.contains(tokens[start + 1].text);
        let connector_after_the_person = opens_with_a_person
            .then(|| (start + 2..end).find(|&index| CONNECTORS.contains(tokens[index].text)))
            .flatten();
        if let Some(connector) = connector_after_the_person {
            start = past_connectors(tokens, connector + 1, end);
        }
        // "Shares of Acme Motors": a sentence's first word before a connector is capitalized
        // by its place only, unless it opens names itself ("Bank of America").
        if start + 2 < end
            && CONNECTORS.contains(tokens[start + 1].text)
            && !HEADS.contains(base(tokens[start].text))
            && !LEADS.contains(tokens[start].text)
            && opens_sentence(body, tokens[start].start)
        {
            start = past_connectors(tokens, start + 1, end);
        }
        // A place before a possessive is where the organisation is, not its name.
        if start + 1 < end
            && tokens[start].text != base(tokens[start].text)
            && is_a_place_mention(text, places, &tokens[start])
        {
            start += 1;
        }
        // So is a person before a possessive, named with two words or more: "Prime Minister
        // Narendra Modi's Bharatiya Janata Party", "Rahul Gandhi's Congress party" (where
        // "Moody's Investors Service" and "People's Bank of China" keep theirs, and so does an
        // office's: "the Crook County Sheriff's Office").
        let whose = (start..end.saturating_sub(1)).find(|&index| {
            let owner = base(tokens[index].text);
            owner != tokens[index].text
                && index > start
                && !is_role_noun(&owner.to_lowercase())
                && !is_office(owner)
                && tokens[start..=index]
                    .iter()
                    .all(|token| !HEADS.contains(base(token.text)) && !LEADS.contains(token.text))
        });
        if let Some(possessive) = whose {
            start = possessive + 1;
        }
        if start >= end {
            continue;
        }
        let span = &tokens[start..end];
        let Some(mut org_end) = organisation_end(body, span, german) else {
            continue;
        };
        // German courts and prosecutors are named with their seat, a city: "das Landgericht
        // Köln", "die Staatsanwaltschaft München" (the places finder leaves a city inside a
        // name to the name, so the gazetteer is asked).
        if german
            && is_german_compound_head(span[org_end - 1].text)
            && span
                .get(org_end)
                .is_some_and(|seat| gazetteer().city(base(seat.text), None).is_some())
        {
            org_end += 1;
        }
        let mut org = &span[..org_end];
        // German capitalizes every noun: before a compound's name, a connector is a noun's
        // ("die Zahlen des Statistischen Bundesamtes").
        if german
            && org
                .last()
                .is_some_and(|head| is_german_compound_head(head.text))
        {
            let after_connector = org
                .iter()
                .rposition(|t| CONNECTORS.contains(t.text))
                .map_or(0, |connector| connector + 1);
            org = &org[after_connector..];
        }
        // "der Energietechnikkonzern Siemens Energy": the noun describes the name after it.
        if german && org.len() > 1 {
            let first = tokens.partition_point(|t| t.start < org[0].start);
            if introduces_a_company(tokens, first + 1) {
                org = &org[1..];
            }
        }
        let words = org.iter().filter(|t| t.capitalized).count();
        if words < 2 && !(german && is_federal_body(org)) {
            continue;
        }
        let last = &org[org.len() - 1];
        let end_byte = last.start + base(last.text).len();
        found.push(Found {
            name: body[org[0].start..end_byte].to_owned(),
            start: org[0].start,
            end: end_byte,
            alias_of: None,
        });
    }
    found
}

/// Whether `token` is where the story names a place.
fn is_a_place_mention(text: &Text<'_>, places: &[Place], token: &Token<'_>) -> bool {
    let offset = text.char_offset(token.start);
    places
        .iter()
        .any(|place| place.mentions.iter().any(|mention| mention.0 == offset))
}

/// Whether a name is one German federal body's compound, which needs no second word:
/// "die Bundesanwaltschaft", "das Bundeskartellamt", "die Bundesnetzagentur" (a compound of
/// another kind, "Staatsanwaltschaft", "Landgericht", is any such office, named by its seat).
fn is_federal_body(org: &[Token<'_>]) -> bool {
    match org {
        [compound] => {
            compound.text.starts_with("Bundes")
                && compound.text.len() >= "Bundes".len() + 6
                && is_german_compound_head(compound.text)
        }
        _ => false,
    }
}

/// Whether the head at `index` is a minister's portfolio rather than a company's name: "Saudi
/// Energy Minister", "Indian Power Secretary", "EU Energy Commissioner" (but "Duke Energy",
/// "Tata Power", "Duke Energy Chairman").
fn names_a_portfolio(span: &[Token<'_>], index: usize) -> bool {
    matches!(span[index].text, "Energy" | "Power")
        && span.get(index + 1).is_some_and(|next| {
            matches!(
                next.text,
                "Minister" | "Secretary" | "Ministry" | "Commissioner"
            )
        })
}

/// How many tokens of a capitalized run make the organisation, when it is one. An English head
/// ends the name (what follows with only a space is someone's title or name: "Transportation
/// Department Secretary Pete Buttigieg"), unless a connector continues it ("Bank of Australia");
/// a leading head keeps the run ("Guarda Nacional Republicana"). Either way, `bounded` ends what
/// runs on past the head.
fn organisation_end(body: &str, span: &[Token<'_>], german: bool) -> Option<usize> {
    if LEADS.contains(span[0].text) && span.len() > 1 {
        return Some(bounded(body, span, 1, span.len()));
    }
    // A lead after one word, with its complement: "Africa Centres for Disease Control".
    let lead_after_a_word = span.len() > 3
        && LEADS.contains(span[1].text)
        && CONNECTORS.contains(span[2].text)
        && !HEADS.contains(base(span[0].text));
    if lead_after_a_word {
        return Some(bounded(body, span, 2, span.len()));
    }
    let last_head = span.iter().enumerate().rposition(|(index, t)| {
        (HEADS.contains(base(t.text)) || german && is_german_compound_head(t.text))
            && !names_a_portfolio(span, index)
    })?;
    // German copy: a bare head after an article is the common noun ("Kandidaten für das Amt
    // des Kanzlers", "dass die Gewerkschaft streikt"); a name has more before it ("das
    // Auswärtige Amt", "das Bundesamt für Migration").
    if german
        && last_head > 0
        && HEADS.contains(span[last_head].text)
        && GERMAN_DETERMINERS.contains(span[last_head - 1].text)
    {
        return None;
    }
    // "Kariba North Bank", "West Bank": the bank of a river or lake.
    if span[last_head].text == "Bank"
        && last_head > 0
        && COMPASS.contains(&span[last_head - 1].text)
    {
        return None;
    }
    let mut end = last_head + 1;
    // A possessive head ends the name there: "Ryanair’s" is not part of what follows.
    if span[last_head].text != base(span[last_head].text) {
        return Some(end);
    }
    while end + 1 < span.len() && CONNECTORS.contains(span[end].text) {
        end += 2;
        while end < span.len() && span[end].capitalized && !HEADS.contains(span[end].text) {
            end += 1;
        }
        if end < span.len() && !CONNECTORS.contains(span[end].text) {
            break;
        }
    }
    Some(bounded(body, span, last_head + 1, end.min(span.len())))
}

/// Where a name that runs on past its head or lead word (from token `from` to `end`) ends: a
/// run of capitals goes on into someone's title and name. The name ends before an office
/// ("Bank of England Governor Andrew Bailey"), with a known organisation's whole name ("Bank of
/// England Andrew Bailey"), or with a country after a connector ("Bank of Japan Kazuo Ueda"),
/// and never on a connector.
fn bounded(body: &str, span: &[Token<'_>], from: usize, end: usize) -> usize {
    let known_end = (from < end)
        .then(|| known().names.longest_at(body, span[0].start))
        .flatten();
    let mut after_connector = None;
    let mut bound = end;
    for (index, token) in span.iter().enumerate().take(end).skip(from) {
        if CONNECTORS.contains(token.text) {
            after_connector = Some(index + 1);
            continue;
        }
        if is_office(token.text) {
            bound = index;
            break;
        }
        let token_end = token.start + base(token.text).len();
        // Country names run to three words: "Papua New Guinea".
        let country = after_connector.is_some_and(|first| {
            index < first + 3
                && gazetteer()
                    .country_code(&body[span[first].start..token_end])
                    .is_some()
        });
        if known_end == Some(token_end) || country {
            bound = index + 1;
            break;
        }
    }
    while bound > from && CONNECTORS.contains(span[bound - 1].text) {
        bound -= 1;
    }
    bound
}

fn appositions(body: &str, tokens: &[Token<'_>], places: &[Place], german: bool) -> Vec<Found> {
    // A place after the noun, or its genitive, is whose company it is: "des größten Autobauers
    // Europas", "der Versorger Bayerns".
    let a_place = |word: &str| {
        [Some(word), word.strip_suffix('s')]
            .into_iter()
            .flatten()
            .any(|name| places.iter().any(|p| p.name == name) || names_a_place(name))
    };
    let mut found = Vec::new();
    for (index, window) in tokens.windows(2).enumerate() {
        let (kind, name) = (&window[0], &window[1]);
        let kind_of_company =
            german && names_a_kind_of_company(kind.text) && introduces_a_company(tokens, index + 1);
        if kind.ends_name
            || !(KIND_NOUNS.contains(kind.text) || kind_of_company)
            || !name.capitalized
        {
            continue;
        }
        // The name, up to two words: "Freddie Mac", "Codelco".
        let first = tokens
            .iter()
            .position(|t| t.start == name.start)
            .unwrap_or(0);
        let mut last = first;
        if !tokens[first].ends_name
            && tokens
                .get(first + 1)
                .is_some_and(|t| t.capitalized && !OPENERS.contains(t.text) && !t.after_punctuation)
        {
            last = first + 1;
        }
        if last == first && a_place(base(name.text)) {
            continue;
        }
        let end_byte = tokens[last].start + base(tokens[last].text).len();
        found.push(Found {
            name: body[name.start..end_byte].to_owned(),
            start: name.start,
            end: end_byte,
            alias_of: None,
        });
    }
    found
}

/// Adjectives that make the single capitalized word before "party" a party's name: "the
/// ruling Likud party", "the opposition Labour party".
static PARTY_ADJECTIVES: WordList = WordList::new(&[
    "ruling",
    "governing",
    "opposition",
    "nationalist",
    "far-right",
    "far-left",
    "right-wing",
    "left-wing",
    "centrist",
    "conservative",
    "liberal",
    "populist",
    "socialist",
    "communist",
    "separatist",
    "rival",
    "junior",
]);

/// English names a party before the lower-case word: "the ruling Georgian Dream party". A name
/// of two words or more counts, or one after an adjective of politics ("the ruling Likud
/// party"), but not "the Christmas party".
fn parties_named_before(body: &str, tokens: &[Token<'_>]) -> Vec<Found> {
    let mut found = Vec::new();
    for (index, token) in tokens.iter().enumerate().skip(1) {
        if token.text != "party" || tokens[index - 1].ends_name || token.after_punctuation {
            continue;
        }
        let mut start = index;
        while start > 0
            && index - start < 4
            && tokens[start - 1].capitalized
            && !OPENERS.contains(tokens[start - 1].text)
            && !CALENDAR.contains(tokens[start - 1].text)
            && (start == index || !tokens[start - 1].ends_name && !tokens[start].after_punctuation)
            // Whose party it is is no part of its name: "Rahul Gandhi's Congress party".
            && tokens[start - 1].text == base(tokens[start - 1].text)
        {
            start -= 1;
        }
        let words = index - start;
        // The name starts after a lower-case word or after whose party it is.
        let bounded_before = start.checked_sub(1).is_some_and(|before| {
            let possessive = tokens[before].text != base(tokens[before].text);
            possessive || !tokens[before].capitalized && !tokens[before].ends_name
        });
        let qualified = start
            .checked_sub(1)
            .is_some_and(|before| PARTY_ADJECTIVES.contains(tokens[before].text));
        if words == 0 || !bounded_before || (words < 2 && !qualified) {
            continue;
        }
        let end = tokens[index - 1].end;
        found.push(Found {
            name: body[tokens[start].start..end].to_owned(),
            start: tokens[start].start,
            end,
            alias_of: None,
        });
    }
    found
}

/// Cities this large, or a first-level region, give their names to sports teams.
const TEAM_CITY_POPULATION: u64 = 100_000;

/// A sports team is "the" city or region and a plural: "the Kansas City Chiefs", "the Buffalo
/// Bills", "the Texas Rangers", "the Boston Red Sox". The article decides it: a person whose
/// given name is a city ("Madison Keys", "Austin Williams") stands without one. A plural that
/// names a place, an event or a pact ("the Victoria Falls", "the Paris Masters", "the Oslo
/// Accords") and a name the story has as a place ("the Florida Keys") are no team.
fn team_names(body: &str, tokens: &[Token<'_>], places: &[Place]) -> Vec<Found> {
    /// Words of a city's name, and of a team's nickname after it.
    const LONGEST_CITY: usize = 3;
    const LONGEST_NICKNAME: usize = 2;
    let names_a_team_town = |name: &str| {
        super::places::names_a_region(name)
            || gazetteer()
                .city(name, None)
                .is_some_and(|city| city.population >= TEAM_CITY_POPULATION)
    };
    let plural = |word: &str| {
        word == "Sox"
            || word.chars().count() >= 4
                && word.ends_with('s')
                && !word.ends_with("ss")
                && !word.ends_with("'s")
                && !word.ends_with("’s")
    };
    let mut found = Vec::new();
    for (index, article) in tokens.iter().enumerate() {
        if !matches!(article.text, "the" | "The") || article.ends_name {
            continue;
        }
        let name_starts = index + 1;
        // The run of capitalized words after the article, as far as a nickname can reach.
        let mut run_end = name_starts;
        while run_end < tokens.len()
            && run_end - name_starts < LONGEST_CITY + LONGEST_NICKNAME
            && tokens[run_end].capitalized
            && (run_end == name_starts
                || !tokens[run_end - 1].ends_name && !tokens[run_end].after_punctuation)
        {
            run_end += 1;
        }
        let continues_past = tokens.get(run_end).is_some_and(|next| {
            next.capitalized && !tokens[run_end - 1].ends_name && !next.after_punctuation
        });
        if run_end - name_starts < 2 || continues_past || !plural(tokens[run_end - 1].text) {
            continue;
        }
        let (start, end) = (tokens[name_starts].start, tokens[run_end - 1].end);
        if places.iter().any(|place| place.name == body[start..end]) {
            continue;
        }
        let run_words = run_end - name_starts;
        let a_team = (1..=LONGEST_CITY.min(run_words - 1))
            .filter(|&city_words| run_words - city_words <= LONGEST_NICKNAME)
            .any(|city_words| {
                let nickname = &tokens[name_starts + city_words..run_end];
                let city_end = tokens[name_starts + city_words - 1].end;
                !nickname.iter().any(|word| makes_no_name(word.text))
                    && names_a_team_town(&body[start..city_end])
            });
        if a_team {
            found.push(Found {
                name: body[start..end].to_owned(),
                start,
                end,
                alias_of: None,
            });
        }
    }
    found
}

fn known_names(text: &Text<'_>, tokens: &[Token<'_>], german: bool) -> Vec<Found> {
    let body = text.body();
    let names = known();
    let mut found = Vec::new();
    let whole_word = |start: usize, end: usize| {
        !body[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && !body[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
            && !body[end..]
                .starts_with(['-', '.'])
                .then_some(())
                .is_some_and(|_| {
                    body[end + 1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                })
    };
    for hit in names.names.find(
        body,
        text.alphanumeric_runs(),
        |_| false,
        |hit| whole_word(hit.start(), hit.end()),
    ) {
        let (start, end) = (hit.start(), hit.end());
        let (canonical, kind) = &names.entries[hit.pattern().as_usize()];
        // Tokens are in body order: the first one ending at or after the match holds it.
        let position = Some(tokens.partition_point(|t| t.end < end))
            .filter(|&p| tokens.get(p).is_some_and(|t| t.start <= start));
        let previous = position.and_then(|p| p.checked_sub(1)).map(|p| &tokens[p]);
        let next = tokens.get(tokens.partition_point(|t| t.start < end));
        let cue = |t: &Token<'_>| OUTLET_CUES_BEFORE.contains(&t.text.to_lowercase().as_str());
        // An article may stand between: "told the BBC", "dijo a la BBC".
        let cue_before_article = || {
            previous.is_some_and(|t| OUTLET_ARTICLES.contains(t.text))
                && position
                    .and_then(|p| p.checked_sub(2))
                    .is_some_and(|p| cue(&tokens[p]))
        };
        let acts = || {
            previous.is_some_and(cue)
                || cue_before_article()
                || next.is_some_and(|t| OUTLET_CUES_AFTER.contains(t.text))
                || body[..start].ends_with("according to ")
        };
        let after_article = previous.is_some_and(|t| t.text == "the" || t.text == "The");
        let described = german && position.is_some_and(|p| introduces_a_company(tokens, p));
        let after_name = previous.is_some_and(|t| {
            !t.ends_name && t.capitalized && !OPENERS.contains(t.text) && !described
        });
        let taken = match kind {
            KnownKind::Outlet => acts(),
            KnownKind::Company => !after_article && !after_name,
            KnownKind::Other => true,
        };
        if taken {
            found.push(Found {
                name: body[start..end].to_owned(),
                start,
                end,
                alias_of: (canonical != &body[start..end]).then(|| canonical.clone()),
            });
        }
    }
    found
}

/// German nouns for a kind of company, which capitalized stand before its name: "der Autobauer
/// Volkswagen", "die Windkrafttochter Siemens Gamesa", "der Energietechnikkonzern Siemens
/// Energy". Compounds end in them.
const GERMAN_COMPANY_NOUNS: &[&str] = &[
    "konzern",
    "hersteller",
    "bauer",
    "tochter",
    "riese",
    "gigant",
    "versorger",
    "anbieter",
    "händler",
    "betreiber",
    "versicherer",
    "zulieferer",
    "unternehmen",
    "firma",
    "rivale",
    "konkurrent",
    "discounter",
    "dienstleister",
];

/// A German noun without the genitive's ending: "des Betreibers", "des Konzerns".
fn without_genitive(lower: &str) -> &str {
    lower
        .strip_suffix("es")
        .or_else(|| lower.strip_suffix('s'))
        .unwrap_or(lower)
}

/// Whether a German noun names a kind of company before a name of one that is not known: a
/// compound of a [`GERMAN_COMPANY_NOUNS`] word ("Raumfahrtkonzern", "Autobauer"), or one of those
/// that never names a person's trade ("des Betreibers", not "der Bauer" or "die Tochter").
fn names_a_kind_of_company(noun: &str) -> bool {
    const ALONE: &[&str] = &[
        "konzern",
        "hersteller",
        "betreiber",
        "versorger",
        "anbieter",
        "unternehmen",
        "firma",
        "versicherer",
        "zulieferer",
        "discounter",
        "dienstleister",
    ];
    let lower = noun.to_lowercase();
    [lower.as_str(), without_genitive(&lower)]
        .iter()
        .any(|word| {
            ALONE.contains(word)
                || GERMAN_COMPANY_NOUNS
                    .iter()
                    .any(|kind| word.len() > kind.len() && word.ends_with(kind))
        })
}

/// Whether the token before `index` is a German noun for a kind of company after an article or
/// a lower-case word ("der frühere Mutterkonzern Siemens"): a description of the name at
/// `index`, not part of it.
fn introduces_a_company(tokens: &[Token<'_>], index: usize) -> bool {
    let Some(noun) = index.checked_sub(1).map(|i| &tokens[i]) else {
        return false;
    };
    let lower = noun.text.to_lowercase();
    let stem = without_genitive(&lower);
    let described = GERMAN_COMPANY_NOUNS
        .iter()
        .any(|kind| lower.ends_with(kind) || stem.ends_with(kind));
    described
        && index
            .checked_sub(2)
            .map(|i| &tokens[i])
            .is_some_and(|before| {
                !before.ends_name
                    && (!before.capitalized
                        || GERMAN_DETERMINERS.contains(&before.text.to_lowercase()))
            })
}

fn acronyms(text: &Text<'_>, tokens: &[Token<'_>], places: &[Place]) -> Vec<Found> {
    let names = known();
    let mut found = Vec::new();
    // An acronym is capitalized: the token's flag turns most words away first.
    for (index, token) in tokens.iter().enumerate().filter(|(_, t)| t.capitalized) {
        let word = base(token.text);
        if !is_acronym(word) || names.is_not_acronym(word) {
            continue;
        }
        // A word in a line of capitals is shouting, not an abbreviation ("WASHINGTON (AP)").
        let shouting = |t: &Token<'_>| {
            t.text.chars().filter(|c| c.is_alphabetic()).count() > 1
                && t.text.chars().all(|c| !c.is_lowercase())
        };
        // Acronyms listed with commas between them are names each: "ÖVP, SPÖ und Neos".
        let listed = |before: &Token<'_>| before.before_comma;
        let neighbours_shout =
            (index > 0 && shouting(&tokens[index - 1]) && !listed(&tokens[index - 1]))
                || tokens
                    .get(index + 1)
                    .is_some_and(|next| shouting(next) && !listed(token));
        // Capitals after a model number name the model ("the 737 MAX", "a 787 ER"); a year
        // before an acronym ("the 2024 COP summit") is no model number.
        let model_name = index
            .checked_sub(1)
            .map(|previous| tokens[previous].text)
            .is_some_and(|previous| {
                !previous.is_empty()
                    && previous.bytes().all(|b| b.is_ascii_digit())
                    && !is_year(previous)
            });
        let offset = text.char_offset(token.start);
        let is_place = places
            .iter()
            .any(|p| p.mentions.iter().any(|m| m.0 == offset));
        let is_known = names.names.is_name(word);
        // A dateline city in capitals: "LUSAKA, Zambia (AP) —".
        if neighbours_shout || model_name || is_place || is_known || names_a_place(word) {
            continue;
        }
        found.push(Found {
            name: word.to_owned(),
            start: token.start,
            end: token.start + word.len(),
            alias_of: None,
        });
    }
    found
}

/// Whether a word or name is a country's, a US state's or a large city's, which stories
/// abbreviate too ("la République démocratique du Congo (RDC)", "New York City (NYC)").
fn names_a_place(name: &str) -> bool {
    let gazetteer = gazetteer();
    gazetteer.country_code(name).is_some()
        || gazetteer.us_state(name).is_some()
        || gazetteer
            .city(name, None)
            .is_some_and(|city| city.population >= PLACE_IN_CAPITALS)
}

/// A name spelled out before its acronym in parentheses, whatever its capitals: "Rassemblement
/// national (RN)", "Confédération générale du travail (CGT)", "Agence France-Presse (AFP)".
/// French, Spanish and Portuguese write names in sentence case, where only the acronym shows
/// that the words are one name. The words' initials (the parts' of a hyphenated word), small
/// connectors skipped, must spell the acronym, and the first word must be capitalized.
fn spelled_out_acronyms<'t>(
    text: &Text<'_>,
    tokens: &[Token<'t>],
    places: &[Place],
) -> SpelledOut<'t> {
    let body = text.body();
    let names = known();
    let mut found = Vec::new();
    let mut place_acronyms = Vec::new();
    for (index, token) in tokens.iter().enumerate().skip(1) {
        let acronym = token.text;
        let in_parentheses = body[..token.start].ends_with('(')
            && body[token.start + acronym.len()..].starts_with(')');
        let defined = || is_defined_acronym(acronym) || is_acronym_written_as_a_word(acronym);
        if !in_parentheses || !defined() {
            continue;
        }
        let mut letters: Vec<char> = acronym
            .chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let mut first = None;
        for word_index in (0..index).rev() {
            let word = &tokens[word_index];
            if word_index + 1 < index && word.ends_name || letters.is_empty() {
                break;
            }
            if CONNECTORS.contains(word.text) && word_index + 1 < index {
                continue;
            }
            let spells = word.text.rsplit('-').all(|part| {
                // An accented initial spells its letter: "études" the E of "Insee".
                let initial = part
                    .chars()
                    .next()
                    .and_then(|c| std::iter::once(c).nfd().next())
                    .map(|c| c.to_ascii_uppercase());
                initial.is_some() && initial == letters.last().copied() && letters.pop().is_some()
            });
            if !spells {
                break;
            }
            if letters.is_empty() {
                first = Some(word_index).filter(|_| word.capitalized);
            }
        }
        let Some(first) = first.or_else(|| syllabic_name_start(tokens, index)) else {
            continue;
        };
        // An abbreviation that is not always a name ("PS", "PM") is one when the words it
        // stands for open or end the way organisations' names do: "Partido Socialista (PS)",
        // where "Produto Interno Bruto (PIB)" stays an economic measure.
        if names.is_not_acronym(acronym) && !reads_as_an_organisation(&tokens[first..index]) {
            continue;
        }
        let name = &body[tokens[first].start..tokens[index - 1].end];
        let place_span = (
            text.char_offset(tokens[first].start),
            text.char_offset(tokens[index - 1].end),
        );
        let is_place = places.iter().any(|p| p.mentions.contains(&place_span));
        if is_place || names_a_place(name) {
            place_acronyms.push(acronym);
            continue;
        }
        found.push(Found {
            name: name.to_owned(),
            start: tokens[first].start,
            end: tokens[index - 1].end,
            alias_of: None,
        });
        // Each use of the acronym stands for the name, two-letter ones too ("le président du
        // RN"), which are too short to be taken for an acronym on their own.
        found.extend(
            tokens
                .iter()
                .filter(|t| base(t.text) == acronym)
                .map(|t| Found {
                    name: acronym.to_owned(),
                    start: t.start,
                    end: t.start + acronym.len(),
                    alias_of: Some(name.to_owned()),
                }),
        );
    }
    SpelledOut {
        organisations: found,
        place_acronyms,
    }
}

/// Where the name that the word at `index` (in parentheses) abbreviates by syllables begins:
/// "Comisión Nacional del Agua (Conagua)", "Confederación Patronal de la República Mexicana
/// (Coparmex)", "Banco de México (Banxico)", "Procuraduría Federal del Consumidor (Profeco)", as
/// Latin American copy abbreviates. The name must open or end like an organisation's, and the
/// abbreviation's letters, in order, must be found in the name's, the first being the name's
/// initial, and must take letters from its first and last words and from half of its words but
/// connectors at least (two of them at least). The longest name that does is the one.
fn syllabic_name_start(tokens: &[Token<'_>], index: usize) -> Option<usize> {
    /// Longer names are not abbreviated so; shorter abbreviations spell too many names.
    const MOST_WORDS: usize = 8;
    const FEWEST_LETTERS: usize = 4;
    let letters: Vec<char> = tokens[index].text.to_lowercase().chars().collect();
    if letters.len() < FEWEST_LETTERS || !letters.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    // The words of the name before the parenthesis: capitalized words and connectors.
    let mut earliest = index;
    while earliest > 0 && index - earliest < MOST_WORDS {
        let word = &tokens[earliest - 1];
        let inside = earliest == index || !word.ends_name;
        if !inside || !(word.capitalized || CONNECTORS.contains(word.text)) {
            break;
        }
        earliest -= 1;
    }
    // Only an organisation's words are abbreviated so: a person's name before a party's
    // abbreviation in parentheses can share its letters by chance.
    (earliest..index).find(|&first| {
        tokens[first].capitalized
            && reads_as_an_organisation(&tokens[first..index])
            && abbreviates_by_syllables(&letters, &tokens[first..index])
    })
}

/// Whether words open or end the way organisations' names do: "Partido Socialista",
/// "Procuraduría Federal del Consumidor", "Hong Kong Observatory".
fn reads_as_an_organisation(words: &[Token<'_>]) -> bool {
    words
        .first()
        .is_some_and(|first| LEADS.contains(first.text))
        || words
            .last()
            .is_some_and(|last| HEADS.contains(base(last.text)))
}

/// Whether `letters` (lower-cased) abbreviate `words` as [`syllabic_name_start`] requires,
/// taking each letter from the earliest place it can.
fn abbreviates_by_syllables(letters: &[char], words: &[Token<'_>]) -> bool {
    let content: Vec<usize> = (0..words.len())
        .filter(|&i| !CONNECTORS.contains(words[i].text))
        .collect();
    // One word is not abbreviated so: "Le Parisien (Paris)" is a newspaper and its city.
    let (Some(&first), Some(&last)) = (content.first(), content.last()) else {
        return false;
    };
    if first == last {
        return false;
    }
    let mut touched = vec![false; words.len()];
    let mut wanted = letters.iter().peekable();
    for (word_index, word) in words.iter().enumerate() {
        for (position, c) in word.text.to_lowercase().nfd().enumerate() {
            let Some(&&next) = wanted.peek() else {
                break;
            };
            if c == next {
                touched[word_index] = true;
                wanted.next();
            } else if word_index == first && position == 0 {
                // The first letter must be the name's initial.
                return false;
            }
        }
    }
    let touched_content = content.iter().filter(|&&i| touched[i]).count();
    wanted.peek().is_none()
        && touched[first]
        && touched[last]
        && 2 * touched_content >= content.len()
}

/// What a story spells out before acronyms in parentheses.
struct SpelledOut<'t> {
    organisations: Vec<Found>,
    /// Acronyms a story defines for a place ("RDC", "NYC"): they are no organisation's.
    place_acronyms: Vec<&'t str>,
}

/// An acronym a story defines in parentheses: two to eight capitals (and digits or hyphens).
fn is_defined_acronym(word: &str) -> bool {
    let letters = word.chars().filter(char::is_ascii_uppercase).count();
    (2..=8).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

/// An acronym written as a word, as French copy writes those it pronounces: "Insee", "Unédic"
/// is not (its letters must be ASCII), "Urssaf". Only its initials spelled out before it make
/// it one.
fn is_acronym_written_as_a_word(word: &str) -> bool {
    let mut chars = word.chars();
    (3..=8).contains(&word.len())
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase())
}

/// "Swatch" of "Swatch Group": a short form that is the full name's first word, no acronym.
fn is_first_word_of(short: &str, full: &str) -> bool {
    full.strip_prefix(short)
        .is_some_and(|rest| rest.starts_with(' '))
}

/// Whether a run of digits reads as a year of the last two centuries or this one.
fn is_year(digits: &str) -> bool {
    digits.len() == 4 && matches!(&digits[..2], "18" | "19" | "20" | "21")
}

/// One organisation per name: overlapping finds keep the longest, an acronym defined in
/// parentheses or spelling a name's initials joins that name, and a name that begins a longer
/// one ("Reserve Bank" → "Reserve Bank of Australia") is a mention of the longer.
fn merge(text: &Text<'_>, mut found: Vec<Found>) -> Vec<Organisation> {
    let body = text.body();
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut kept: Vec<Found> = Vec::new();
    for candidate in found {
        if kept.last().is_some_and(|k| candidate.start < k.end) {
            continue;
        }
        kept.push(candidate);
    }
    let mut organisations: Vec<Organisation> = Vec::new();
    // Each kept name folded, which is also the key of the organisation it names.
    let written: Vec<String> = kept.iter().map(|f| fold(&f.name)).collect();
    // Keys borrow the written names; only an alias's full name is folded anew.
    let mut index_by_name: FxHashMap<Cow<'_, str>, usize> = FxHashMap::default();
    for (find, folded) in kept.iter().zip(&written) {
        let mention = (text.char_offset(find.start), text.char_offset(find.end));
        // An alias joins its full name when the story writes that too, and otherwise the other
        // aliases of that name it writes ("Communauté économique des Etats de l'Afrique de
        // l'Ouest (Cédéao)"): the key is the full name's, folded.
        // A known name declined ("der Deutschen Bank") is an alias of its listed form, whichever
        // rule read it, and is named so.
        let declined_of = || {
            let listed = known().names.name_of(&find.name)?;
            let (full, _) = &known().entries[listed.pattern().as_usize()];
            declines(&find.name, full).then_some(full)
        };
        let full = find
            .alias_of
            .as_ref()
            .or_else(declined_of)
            .map(|full| (full, fold(full)));
        let written_full = full
            .as_ref()
            .filter(|(full, key)| written.contains(key) || declines(&find.name, full))
            .map(|(full, _)| *full);
        let name = written_full.unwrap_or(&find.name);
        let key = full.map_or(Cow::Borrowed(folded.as_str()), |(_, key)| Cow::Owned(key));
        let index = *index_by_name.entry(key).or_insert_with(|| {
            organisations.push(Organisation {
                name: name.clone(),
                acronym: None,
                mentions: Vec::new(),
            });
            organisations.len() - 1
        });
        let organisation = &mut organisations[index];
        organisation.mentions.push(mention);
        let short = |written: &str| is_acronym(written) || is_defined_acronym(written);
        if *name != organisation.name && short(&organisation.name) && !short(name) {
            // The name spelled out, after its acronym: the name is the spelled-out one.
            organisation.acronym = Some(std::mem::replace(&mut organisation.name, name.clone()));
        } else if organisation.name != find.name
            && (short(&find.name)
                || find.alias_of.is_some()
                    && is_acronym_written_as_a_word(&find.name)
                    && !is_first_word_of(&find.name, &organisation.name))
        {
            organisation.acronym = Some(find.name.clone());
        }
    }
    link_acronyms(body, &kept, &mut organisations);
    absorb_prefixes(&mut organisations);
    for organisation in &mut organisations {
        organisation.mentions.sort_unstable();
        organisation.mentions.dedup();
    }
    organisations
}

/// Whether `alias` is `full` with its German adjectives declined: "Deutschen Bahn" of "Deutsche
/// Bahn", "Europäischen Zentralbank" of "Europäische Zentralbank". The record names it as its
/// nominative, as any other form of a name would be one organisation under several names.
fn declines(alias: &str, full: &str) -> bool {
    alias != full
        && alias.split(' ').count() == full.split(' ').count()
        && alias
            .split(' ')
            .zip(full.split(' '))
            .all(|(declined, word)| {
                declined == word
                    || word.ends_with('e')
                        && declined
                            .strip_prefix(word)
                            .is_some_and(|ending| matches!(ending, "n" | "r" | "s" | "m"))
            })
}

/// An acronym that follows a name in parentheses ("Reserve Bank of Australia (RBA)"), or whose
/// letters are the initials of a name the story uses, joins that name.
fn link_acronyms(body: &str, kept: &[Found], organisations: &mut Vec<Organisation>) {
    let mut index = 0;
    while index < organisations.len() {
        let acronym = organisations[index].name.clone();
        if !is_acronym(&acronym) {
            index += 1;
            continue;
        }
        let defined_after = kept.iter().find_map(|f| {
            let in_parentheses = body[f.end..]
                .strip_prefix(" (")
                .and_then(|rest| rest.strip_prefix(acronym.as_str()))
                .is_some_and(|rest| rest.starts_with(')'));
            (f.name != acronym && in_parentheses).then_some(&f.name)
        });
        let letters = acronym.replace('-', "");
        let full = defined_after.cloned().or_else(|| {
            organisations
                .iter()
                .find(|o| o.name != acronym && initials(&o.name) == letters)
                .map(|o| o.name.clone())
        });
        let Some(full) = full else {
            index += 1;
            continue;
        };
        let Some(target) = organisations.iter().position(|o| o.name == full) else {
            index += 1;
            continue;
        };
        let moved = organisations.remove(index);
        let target = if target > index { target - 1 } else { target };
        organisations[target].acronym = Some(acronym);
        organisations[target].mentions.extend(moved.mentions);
    }
}

/// Capital initials of a name's words, connectors skipped: "Reserve Bank of Australia" → RBA.
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !CONNECTORS.contains(w))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Legal forms after a company's name: "Siemens Energy AG" is "Siemens Energy" in full.
static LEGAL_FORMS: WordList = WordList::new(&[
    "AG", "SE", "GmbH", "KGaA", "A/S", "ASA", "AB", "Oyj", "plc", "PLC", "Ltd", "Ltd.", "Inc",
    "Inc.", "Corp", "Corp.", "LLC", "N.V.", "NV", "S.A.", "SA", "S.p.A.", "SpA", "SAS", "S.L.",
    "Lda", "Lda.", "Ltda", "Ltda.",
]);

/// Words after a company's name that say only that it is one, as the legal forms do.
static GROUP_WORDS: WordList = WordList::new(&[
    "Group",
    "Groupe",
    "Grupo",
    "Gruppe",
    "Holding",
    "Holdings",
    "Corporation",
    "Company",
    "Companies",
    "Systems",
    "Technologies",
    "Industries",
    "Enterprises",
]);

/// A name that a longer one in the story extends with "of …" ("the Bank" of "the Bank of
/// Canada", "Conselho Constitucional" of "Conselho Constitucional de Moçambique"), with its
/// legal form ("Siemens Energy" of "Siemens Energy AG") or with a word that says only that it
/// is a company ("Northlake" of "Northlake Systems") is that one: its mentions join it. A
/// word of a trade makes another company: "Siemens" is not "Siemens Energy".
fn absorb_prefixes(organisations: &mut Vec<Organisation>) {
    let names: Vec<String> = organisations.iter().map(|o| o.name.clone()).collect();
    let mut index = 0;
    while index < organisations.len() {
        let name = &organisations[index].name;
        let longer = names.iter().find(|other| {
            let rest = other
                .strip_prefix(name.as_str())
                .filter(|rest| !rest.is_empty());
            rest.is_some_and(|rest| {
                [
                    " of ", " de ", " del ", " do ", " da ", " dos ", " das ", " du ", " des ",
                ]
                .iter()
                .any(|connector| rest.starts_with(connector))
                    || rest.strip_prefix(' ').is_some_and(|form| {
                        LEGAL_FORMS.contains(form) || GROUP_WORDS.contains(form)
                    })
            })
        });
        match longer.and_then(|l| organisations.iter().position(|o| &o.name == l)) {
            Some(target) => {
                let moved = organisations.remove(index);
                let target = if target > index { target - 1 } else { target };
                organisations[target].mentions.extend(moved.mentions);
            }
            None => index += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the organisations found in `body`, in order.
    pub(super) fn names(body: &str) -> Vec<String> {
        find_organisations(&Text::new(body), &[], None)
            .into_iter()
            .map(|o| o.name)
            .collect()
    }

    #[test]
    fn a_team_is_the_and_a_city_or_region_with_a_plural() {
        let found = names(
            "The Kansas City Chiefs beat the Buffalo Bills, and the Boston Red Sox lost to the \
             Texas Rangers.",
        );
        assert_eq!(
            found,
            [
                "Kansas City Chiefs",
                "Buffalo Bills",
                "Boston Red Sox",
                "Texas Rangers"
            ]
        );
        // No article, no team: a person; nor a place, an event or a pact in the plural, nor a
        // town too small to field one.
        for body in [
            "Then Madison Keys won in straight sets.",
            "Tourists flocked to the Victoria Falls again.",
            "He won the Paris Masters twice.",
            "They signed the Oslo Accords in 1993.",
            "They met the Bangor Comets.",
        ] {
            assert!(names(body).is_empty(), "{body}: {:?}", names(body));
        }
    }

    #[test]
    fn a_name_closed_by_its_head_word_ends_before_a_conjunction_and_connector() {
        assert_eq!(
            names("Un accord entre Dunmore Group et de Lemoine a été signé."),
            ["Dunmore Group"]
        );
        // A name whose head leads keeps its second portfolio.
        assert_eq!(
            names("O Ministério da Agricultura e do Abastecimento informou."),
            ["Ministério da Agricultura e do Abastecimento"]
        );
    }

    #[test]
    fn a_delegation_leads_its_name() {
        assert_eq!(
            names("Según la Delegación del Gobierno, la marcha reunió a miles."),
            ["Delegación del Gobierno"]
        );
        assert_eq!(
            names("A Delegação da Comissão Europeia confirmou."),
            ["Delegação da Comissão Europeia"]
        );
    }

    #[test]
    fn a_name_runs_on_past_its_purpose() {
        assert_eq!(
            names("Lo dijo la Oficina Regional para las Cuencas Andinas en un comunicado."),
            ["Oficina Regional para las Cuencas Andinas"]
        );
        assert_eq!(
            names("Selon le Conseil pour la Recherche Arctique, la glace recule."),
            ["Conseil pour la Recherche Arctique"]
        );
    }

    #[test]
    fn a_name_whose_head_leads_runs_on_past_what_it_works_against() {
        assert_eq!(
            names("Según la Oficina de Defensa contra Inundaciones de Tarvia, el río crece."),
            ["Oficina de Defensa contra Inundaciones de Tarvia"]
        );
        // Between two names with no head before them it is who plays whom.
        assert!(names("Ayer jugó Tarvia contra Ostrelia en Lisboa.")
            .iter()
            .all(|name| !name.contains("contra")));
    }

    #[test]
    fn a_declined_known_name_is_named_in_the_nominative() {
        assert_eq!(
            names("Ein Analyst der Deutschen Bank sprach."),
            ["Deutsche Bank"]
        );
        assert_eq!(
            names("Ein Analyst der Deutschen Bank sprach. Die Deutsche Bank schwieg."),
            ["Deutsche Bank"]
        );
        assert!(declines(
            "Europäischen Zentralbank",
            "Europäische Zentralbank"
        ));
        assert!(!declines("Deutsche Bank", "Deutsche Bank"));
        assert!(!declines("Deutsch Bank", "Deutsche Bank"));
        assert!(!declines("Deutschen Banken", "Deutsche Bank"));
    }

    #[test]
    fn an_article_after_the_conjunction_opens_another_name() {
        let found =
            names("It was challenged by KestrelNet and the Harbour & Ferry Operators Association.");
        assert!(
            found.contains(&"Harbour & Ferry Operators Association".to_owned()),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|name| name.contains(" and the ")),
            "{found:?}"
        );
        assert_eq!(
            names("The Ministry of Housing and the Environment said so."),
            ["Ministry of Housing and the Environment"]
        );
    }

    #[test]
    fn a_name_closed_by_its_head_word_and_one_more_word_are_two() {
        assert_eq!(
            names("Flights by Dunmore Airlines and Vietjet were cancelled."),
            ["Dunmore Airlines"]
        );
        assert_eq!(
            names("Gains were led by Dunmore Airlines and Garanti BBVA today."),
            ["Dunmore Airlines", "BBVA"]
        );
        for whole in [
            "The Ministry of Energy and Mines said so.",
            "The Florida Power & Light said so.",
        ] {
            let found = names(whole);
            assert_eq!(found.len(), 1, "{whole}: {found:?}");
            assert!(
                whole.contains(&format!("The {} said", found[0])),
                "{whole}: {found:?}"
            );
        }
    }

    #[test]
    fn an_office_that_leads_a_bodys_name_after_an_article_is_the_body() {
        assert_eq!(
            names("Segundo a Secretaria de Saúde, foram 38 mortes."),
            ["Secretaria de Saúde"]
        );
        assert_eq!(
            names("Lo dijo la Secretaría de Energía en un comunicado."),
            ["Secretaría de Energía"]
        );
    }

    #[test]
    fn a_name_without_its_head_word_is_the_same_organisation() {
        let found = find_organisations(
            &Text::new("Dunmore Systems will cut jobs. Shares of Dunmore rose 4%."),
            &[],
            None,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "Dunmore Systems");
        assert_eq!(found[0].mentions.len(), 2);
    }

    #[test]
    fn the_article_of_a_place_the_story_names_opens_an_organisation() {
        let body =
            "The Los Angeles County Fire Department said so. El Banco Central de Cuba did not.";
        let los_angeles = Place::named("Los Angeles");
        let found: Vec<String> = find_organisations(&Text::new(body), &[los_angeles], None)
            .into_iter()
            .map(|o| o.name)
            .collect();
        assert_eq!(
            found,
            [
                "Los Angeles County Fire Department",
                "Banco Central de Cuba"
            ]
        );
    }

    #[test]
    fn a_known_name_is_found_without_its_accents() {
        assert_eq!(
            names("Itau Unibanco and Societe Generale said so."),
            ["Itaú Unibanco", "Société Générale"]
        );
    }

    #[test]
    fn a_known_short_form_that_is_the_first_word_is_no_acronym() {
        let found = find_organisations(
            &Text::new("Swatch Group shares fell. Swatch said demand was weak."),
            &[],
            None,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "Swatch Group");
        assert_eq!(found[0].mentions.len(), 2);
        assert_eq!(found[0].acronym, None);
    }

    #[test]
    fn a_place_the_story_names_is_no_team() {
        let keys = Place {
            name: "Florida Keys".to_owned(),
            country_code: Some("US".to_owned()),
            geonameid: None,
            point: None,
            mentions: vec![(14, 26)],
        };
        let body = "Storms hit the Florida Keys.";
        let found = find_organisations(&Text::new(body), &[keys], None);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_role_and_a_name_before_a_connector_are_who_works_there() {
        let found = names(
            "It was cheap. Analyst Jane Morrow of Wedbush Securities agreed. Economist Ana Ruiz \
             at the Bank of Spain did not.",
        );
        assert_eq!(found, ["Wedbush Securities", "Bank of Spain"]);
    }

    #[test]
    fn a_lead_after_one_word_opens_a_name_with_its_complement() {
        let found = names("They met the Africa Centres for Disease Control and Prevention.");
        assert_eq!(found, ["Africa Centres for Disease Control and Prevention"]);
        // Without its complement, a head after one word ends the name as heads do.
        let found = names("It fell, Nordvind Bank Ola Berg said.");
        assert_eq!(found, ["Nordvind Bank"]);
    }

    #[test]
    fn an_adverb_that_opens_the_sentence_is_no_part_of_the_name_after_it() {
        let found = names("It is grave. Even Goldman Sachs Group agreed. Auch Deutsche Bank kam.");
        assert_eq!(found, ["Goldman Sachs Group", "Deutsche Bank"]);
        let found = names("Investors in Only Northlake Logistics Inc. agreed.");
        assert_eq!(found, ["Only Northlake Logistics Inc."]);
    }

    /// The organisations a German story names.
    fn german_organisations(body: &str) -> Vec<Organisation> {
        find_organisations(&Text::new(body), &[], Some("de"))
    }

    fn names_and_acronyms(found: &[Organisation]) -> Vec<(&str, Option<&str>)> {
        found
            .iter()
            .map(|o| (o.name.as_str(), o.acronym.as_deref()))
            .collect()
    }

    #[test]
    fn an_abbreviation_that_is_not_always_a_name_is_one_when_an_organisation_spells_it() {
        let body = "O Partido Socialista (PS) vai votar contra. O secretário-geral do PS falou. \
                    O Produto Interno Bruto (PIB) cresceu, segundo o Banco de Portugal.";
        let found = find_organisations(&Text::new(body), &[], Some("pt"));
        assert_eq!(
            names_and_acronyms(&found),
            [
                ("Partido Socialista", Some("PS")),
                ("Banco de Portugal", None)
            ]
        );
        assert_eq!(found[0].mentions.len(), 3);
    }

    #[test]
    fn a_name_abbreviated_by_syllables_takes_its_abbreviation() {
        let body = "El director de la Comisión Nacional del Agua (Conagua) habló. La \
                    Confederación Patronal de la República Mexicana (Coparmex) pidió datos. \
                    Conagua y Coparmex firmaron con la Procuraduría Federal del Consumidor \
                    (Profeco). No lo son Ana Ruiz (Reuters), Manuel López Obrador Peña (Morena), \
                    el Banco Nacional Colombiano de Cafeteros Productores (Bapro), que toca dos \
                    palabras de cinco, ni la Comisión Federal de Electricidad (Omelec), que no \
                    empieza por la inicial.";
        let found = find_organisations(&Text::new(body), &[], Some("es"));
        let names: Vec<(&str, Option<&str>, usize)> = found
            .iter()
            .map(|o| (o.name.as_str(), o.acronym.as_deref(), o.mentions.len()))
            .collect();
        assert_eq!(
            names,
            [
                ("Comisión Nacional del Agua", Some("Conagua"), 3),
                (
                    "Confederación Patronal de la República Mexicana",
                    Some("Coparmex"),
                    3
                ),
                ("Procuraduría Federal del Consumidor", Some("Profeco"), 2),
                (
                    "Banco Nacional Colombiano de Cafeteros Productores",
                    None,
                    1
                ),
                ("Comisión Federal de Electricidad", None, 1),
            ]
        );
    }

    #[test]
    fn a_company_named_with_its_legal_form_is_the_same_company_without_it() {
        let body = "Siemens Energy AG will buy Nordvind A/S. Nordvind's shares jumped, Siemens \
                    Energy rose and Siemens Energy Services fell.";
        let found: Vec<(String, usize)> = find_organisations(&Text::new(body), &[], None)
            .into_iter()
            .map(|o| (o.name, o.mentions.len()))
            .collect();
        assert_eq!(
            found,
            [
                ("Siemens Energy AG".to_owned(), 2),
                ("Nordvind A/S".to_owned(), 2),
                ("Siemens Energy Services".to_owned(), 1),
            ]
        );
    }

    #[test]
    fn the_names_a_body_goes_by_in_other_languages_are_one_organisation() {
        let body =
            "La Communauté économique des Etats de l'Afrique de l'Ouest (Cédéao) et l'Union \
                    africaine se taisent. Le FMI a parlé; le Fonds monétaire international aussi.";
        let found = find_organisations(&Text::new(body), &[], Some("fr"));
        let mentions: Vec<(&str, Option<&str>, usize)> = found
            .iter()
            .map(|o| (o.name.as_str(), o.acronym.as_deref(), o.mentions.len()))
            .collect();
        assert_eq!(
            mentions,
            [
                (
                    "Communauté économique des Etats de l'Afrique de l'Ouest",
                    None,
                    2
                ),
                ("Union africaine", None, 1),
                // Spelled out after its acronym, the name is the spelled-out one.
                ("Fonds monétaire international", Some("FMI"), 2),
            ]
        );
    }

    #[test]
    fn dna_in_other_languages_is_no_organisation() {
        assert_eq!(
            names("El ADN del equipo, dijo la UEFA. L’ARN et la DNS aussi."),
            ["UEFA"]
        );
    }

    #[test]
    fn capitals_after_a_model_number_are_the_model() {
        assert_eq!(
            names("The FAA grounded the 737 MAX before the 2024 COP meeting, and IATA objected."),
            ["FAA", "COP", "IATA"]
        );
        // So are capitals with a number after a hyphen.
        assert_eq!(
            names("The ATR-72 and the CRJ-200 of Yeti Airlines were grounded by the CAAN."),
            ["Yeti Airlines", "CAAN"]
        );
    }

    #[test]
    fn german_compounds_end_names_as_head_words_do() {
        let found = german_organisations("Der Deutsche Gewerkschaftsbund (DGB) und der Bayerische Bauernverband lobten die Zahlen des Statistischen Bundesamtes. Insgesamt Zehntausende kamen.");
        let named = names_and_acronyms(&found);
        assert_eq!(
            named,
            vec![
                ("Deutsche Gewerkschaftsbund", Some("DGB")),
                ("Bayerische Bauernverband", None),
                ("Statistischen Bundesamtes", None),
            ]
        );
        // An office's compound, two names joined by "und das", and a bare head after an
        // article, which is a common noun.
        let found = german_organisations("Das Auswärtige Amt und das Bundesamt für Migration schweigen, wie das Gesundheitsamt. Die Kandidaten für das Amt des Kanzlers stehen fest.");
        assert_eq!(
            names_and_acronyms(&found),
            vec![("Auswärtige Amt", None), ("Bundesamt für Migration", None),]
        );
    }

    /// A German court or prosecutor is named with its seat; a federal body's compound is a name
    /// alone, any other office's is a common noun.
    #[test]
    fn german_offices_are_named_by_their_seat_or_as_federal_bodies() {
        let found = german_organisations("Das Landgericht Hannover und die Staatsanwaltschaft Bremen ermitteln. Das Bundeskartellamt prüft, die Staatsanwaltschaft schweigt, das Gesundheitsamt auch. Ein Landgericht Gutachten fehlt. Genannt wurden das Landgericht, Köln und Bonn.");
        assert_eq!(
            names_and_acronyms(&found),
            vec![
                ("Landgericht Hannover", None),
                ("Staatsanwaltschaft Bremen", None),
                ("Bundeskartellamt", None),
            ]
        );
    }

    /// German capitalizes the noun that says what kind of company a name is; it stands before
    /// the name and is no part of it.
    #[test]
    fn a_german_noun_for_a_kind_of_company_introduces_the_name() {
        let found = german_organisations("Der angeschlagene Energietechnikkonzern Siemens Energy bekommt Garantien. Der Autobauer Volkswagen und der frühere Mutterkonzern Siemens helfen. Ein Buch von Henry Ford erschien. Der größte Versorger Frankreichs wartet.");
        assert_eq!(
            names_and_acronyms(&found),
            vec![
                ("Siemens Energy", None),
                ("Volkswagen", None),
                ("Siemens", None)
            ]
        );
    }

    #[test]
    fn a_dash_standing_alone_ends_a_name() {
        assert_eq!(
            names("NAIROBI, Kenya — National Assembly members voted, as did the Finance Committee – Senate Finance Committee."),
            ["National Assembly", "Finance Committee", "Senate Finance Committee"]
        );
    }

    #[test]
    fn head_words_end_and_open_names() {
        let found = names("The Oregon Department of Forestry said the U.S. Fish & Wildlife Service agreed, as did the Banco Central de Cuba and Airlines for America. A Ordem dos Médicos não. El Real Madrid venció al FC Barcelona y al Valencia CF.");
        assert_eq!(
            found,
            vec![
                "Oregon Department of Forestry",
                "U.S. Fish & Wildlife Service",
                "Banco Central de Cuba",
                "Airlines for America",
                "Ordem dos Médicos",
                "Real Madrid",
                "FC Barcelona",
                "Valencia CF"
            ]
        );
    }

    #[test]
    fn a_sentence_opener_before_of_is_not_part_of_the_name_and_co_ends_one() {
        assert_eq!(
            names("Shares of Acme Motors and Zenith Motor Co fell on Monday. Bank of America did not. Instituto de Crédito Rural tampoco."),
            vec!["Acme Motors", "Zenith Motor Co", "Bank of America", "Instituto de Crédito Rural"]
        );
        // Inside a sentence the word before "of" is capitalized because it is a name.
        assert_eq!(
            names("Investors in Daughters of Acme Holdings sold."),
            vec!["Daughters of Acme Holdings"]
        );
    }

    #[test]
    fn governments_units_and_offices_open_romance_names() {
        let found = find_organisations(&Text::new("El Gobierno de Chile envió a la Unidad Nacional de Rescate (UNR), y la Fiscalía Regional de Valparaíso abrió una causa. O Governo de Angola e a Direção Nacional de Saúde Pública reagiram. A Confederação Nacional da Agricultura (CNA) também. La Organización Mundial del Trabajo (OMT) y la Organização Regional de Saúde callaron. La Real Federación Española de Remo (RFER) y el PIB crecen."), &[], None);
        let named = names_and_acronyms(&found);
        assert_eq!(
            named,
            vec![
                ("Gobierno de Chile", None),
                ("Unidad Nacional de Rescate", Some("UNR")),
                ("Fiscalía Regional de Valparaíso", None),
                ("Governo de Angola", None),
                ("Direção Nacional de Saúde Pública", None),
                ("Confederação Nacional da Agricultura", Some("CNA")),
                ("Organización Mundial del Trabajo", Some("OMT")),
                ("Organização Regional de Saúde", None),
                // A royal institution; and GDP, written as initials, is none.
                ("Real Federación Española de Remo", Some("RFER")),
            ]
        );
    }

    #[test]
    fn cartels_and_caucuses_are_named_by_their_lead_or_head_word() {
        assert_eq!(
            names("Según la fiscalía, el Cártel de Jalisco Nueva Generación y el Cártel del Golfo pactaron. In Texas, the Gulf Cartel and the Border Freedom Caucus denied it."),
            ["Cártel de Jalisco Nueva Generación", "Cártel del Golfo", "Gulf Cartel", "Border Freedom Caucus"]
        );
    }

    #[test]
    fn a_weekday_or_month_after_a_name_is_not_part_of_it() {
        assert_eq!(
            names("Arsenal lead the Premier League on Sunday, the Ministry of Defence said on Monday, and the Senate Tuesday voted."),
            ["Arsenal", "Premier League", "Ministry of Defence", "Senate"]
        );
    }

    #[test]
    fn an_article_after_an_opener_does_not_hide_the_name() {
        let found = find_organisations(
            &Text::new("Según la Defensoría del Pueblo, hubo 300 desplazados. La Organización de las Naciones Unidas (ONU) verificará el acuerdo."),
            &[],
            None,
        );
        assert_eq!(
            names_and_acronyms(&found),
            [
                ("Defensoría del Pueblo", None),
                ("Organización de las Naciones Unidas", Some("ONU"))
            ]
        );
    }

    /// Each organisation a French body names, with its acronym and how many mentions it has.
    fn french_names_acronyms_and_counts(body: &str) -> Vec<(String, Option<String>, usize)> {
        find_organisations(&Text::new(body), &[], Some("fr"))
            .into_iter()
            .map(|o| (o.name, o.acronym, o.mentions.len()))
            .collect()
    }

    /// `expected` as [`french_names_acronyms_and_counts`] gives it.
    fn owned(expected: &[(&str, Option<&str>, usize)]) -> Vec<(String, Option<String>, usize)> {
        expected
            .iter()
            .map(|(name, acronym, count)| ((*name).to_owned(), acronym.map(str::to_owned), *count))
            .collect()
    }

    #[test]
    fn a_name_in_sentence_case_is_one_when_its_acronym_follows() {
        assert_eq!(
            french_names_acronyms_and_counts("Le RN votera la motion déposée par le Nouveau Front populaire (NFP), dit la Confédération générale du travail (CGT). Le Rassemblement national (RN) et l’Agence France-Presse (AFP) aussi. Le NFP a gagné, selon la CGT. La République démocratique du Congo (RDC), New York City (NYC) et Greenwich Mean Time (GMT) non."),
            owned(&[
                ("Rassemblement national", Some("RN"), 3),
                ("Nouveau Front populaire", Some("NFP"), 3),
                ("Confédération générale du travail", Some("CGT"), 3),
                ("Agence France-Presse", Some("AFP"), 2),
            ])
        );
    }

    #[test]
    fn an_acronym_written_as_a_word_joins_the_name_its_initials_spell() {
        assert_eq!(
            french_names_acronyms_and_counts("L'Institut national de la statistique et des études économiques (Insee) a publié ses chiffres. Selon l'Insee, le chômage baisse à Lyon (Rhône), dit Le Parisien (Paris)."),
            owned(&[(
                "Institut national de la statistique et des études économiques",
                Some("Insee"),
                3
            )])
        );
    }

    #[test]
    fn a_known_name_before_a_conjunction_is_an_item_of_its_own() {
        let found = find_organisations(
            &Text::new("Shares of Nvidia and Tesla Motors fell. Investors sold Nvidia and Advanced Micro Devices, and Texas Instruments rose. The Ministry of Energy and Mines said so."),
            &[],
            Some("en"),
        );
        let names: Vec<&str> = found.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Nvidia",
                "Tesla Motors",
                "Advanced Micro Devices",
                "Texas Instruments",
                "Ministry of Energy and Mines"
            ]
        );
    }

    #[test]
    fn fund_managers_committees_and_coordinating_bodies_are_named_whole() {
        let found = names("Norges Bank Investment Management, which runs the fund, agreed.");
        assert_eq!(found, ["Norges Bank Investment Management"]);
        let found = names("Dijo Ángel Mendoza, de la Coordinadora de Transporte Urbano de Lima.");
        assert_eq!(found, ["Coordinadora de Transporte Urbano de Lima"]);
        let found = names("O Comitê de Política Monetária elevou os juros.");
        assert_eq!(found, ["Comitê de Política Monetária"]);
    }

    #[test]
    fn trailing_punctuation_goes_and_an_abbreviation_keeps_its_full_stop() {
        let cases = [
            ("(ECB).", "ECB"),
            ("ECB),", "ECB"),
            ("U.S.)", "U.S."),
            ("Inc.”", "Inc."),
            ("ends...", "ends"),
            ("Corp", "Corp"),
        ];
        for (word, trimmed) in cases {
            let word = word.trim_start_matches('(');
            assert_eq!(trim_trailing(word), trimmed, "{word}");
        }
    }

    #[test]
    fn a_portfolio_before_its_minister_is_no_company() {
        assert_eq!(
            names("Saudi Energy Minister Prince Faisal and Indian Power Secretary Anil Rao met Duke Energy and Tata Power executives."),
            vec!["Duke Energy", "Tata Power"]
        );
        // A known body before the portfolio stays itself; a chairman is a company's.
        assert_eq!(
            names("EU Energy Commissioner Dan Jorgensen met Duke Energy Chairman Lynn Good."),
            vec!["EU", "Duke Energy"]
        );
    }

    #[test]
    fn associates_end_a_firm_name() {
        assert_eq!(
            names("said Tom Reed, an analyst at Harbor Point Associates in Boston."),
            vec!["Harbor Point Associates"]
        );
    }

    #[test]
    fn a_title_after_the_head_is_not_part_of_the_name() {
        let found = names("Transportation Department Secretary Pete Buttigieg spoke.");
        assert_eq!(found, vec!["Transportation Department"]);
    }

    #[test]
    fn a_name_run_on_into_someones_title_or_name_ends_before_it() {
        let found = names("Central Bank of Nigeria Governor Olayemi Cardoso met Bank of Japan Kazuo Ueda's team, and the Governor of the Bank of England Andrew Bailey joined them. The Reserve Bank of New Zealand and the Ministry of Foreign Affairs sent staff. Former Minister of Finance Rui Gomes and the Governor of the Bank of Canada listened.");
        assert_eq!(
            found,
            vec![
                "Central Bank of Nigeria",
                "Bank of Japan",
                "Bank of England",
                "Reserve Bank of New Zealand",
                "Ministry of Foreign Affairs",
                "Bank of Canada"
            ]
        );
    }

    #[test]
    fn acronyms_join_their_full_name() {
        let found = find_organisations(
            &Text::new("The Reserve Bank of Australia (RBA) held rates. The RBA said inflation was high. Analysts at ZESCO disagreed."),
            &[],
            None,
        );
        let rba = found
            .iter()
            .find(|o| o.name == "Reserve Bank of Australia")
            .expect("the bank");
        assert_eq!(rba.acronym.as_deref(), Some("RBA"));
        assert_eq!(
            rba.mentions.len(),
            3,
            "full name, its definition and the later RBA"
        );
        assert!(found.iter().any(|o| o.name == "ZESCO"));
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn known_names_in_other_languages_and_a_surname_that_is_no_parliament() {
        assert_eq!(
            names("El bastonário Carlos Cortes habló. La Reserva Federal y el Banco de México (Banxico) no; Banxico tampoco."),
            vec!["Reserva Federal", "Banco de México"]
        );
    }

    #[test]
    fn an_acronym_in_parentheses_joins_the_name_before_it_whatever_its_letters() {
        let found = find_organisations(
            &Text::new("The Northern Water Supply Authority (NORWASA) cut supplies. NORWASA said the dam was low."),
            &[],
            None,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "Northern Water Supply Authority");
        assert_eq!(found[0].acronym.as_deref(), Some("NORWASA"));
    }

    #[test]
    fn outlets_count_only_where_they_act() {
        assert!(names("PARIS (AFP) - Farmers gathered in Paris.").is_empty());
        assert_eq!(
            names("The officer told AFP the brigade was ready."),
            vec!["AFP"]
        );
        // Nor does a head word make an outlet that does not act an organisation.
        let found = names("MADRID (Europa Press) - Rain fell, the Associated Press reported. The Europa Press Foundation met.");
        assert_eq!(found, ["Associated Press", "Europa Press Foundation"]);
        // Nor does any other rule make the outlet that tags a dateline one, known or not.
        let found = names("LUBBOCK, Texas (HealthWire) — Cases rose, HealthWire found.");
        assert_eq!(found, ["HealthWire"]);
    }

    #[test]
    fn appositions_and_companies_after_names() {
        assert_eq!(
            names("a deal between state copper giant Codelco and others"),
            vec!["Codelco"]
        );
        assert!(names("Actor Harrison Ford visited the Amazon.").is_empty());
        // A party named after the word: "le parti Pastef", "apoiado pelo partido Podemos".
        assert_eq!(
            names("Le parti Pastef a gagné; apoiado pelo partido Podemos, o partido venceu."),
            vec!["Pastef", "Podemos"]
        );
        assert_eq!(
            names("La coalition Yewwi Askan a perdu; the alliance Tisza won."),
            vec!["Yewwi Askan", "Tisza"]
        );
        // Romance kinds of company: a retailer, a carmaker, an insurer.
        assert_eq!(
            names("A varejista Tavora Lojas subiu, como a montadora Kestrel e le constructeur Dunmore."),
            vec!["Tavora Lojas", "Kestrel", "Dunmore"]
        );
    }

    #[test]
    fn whose_organisation_it_is_is_no_part_of_its_name() {
        assert_eq!(
            names("Prime Minister Arun Mehra's Lok Vikas Party won. Opposition leader Ravi Sen's Jan Morcha Alliance lost, as did Tara Das's Praja Shakti party. Moody's Investors Service, the Lane County Sheriff's Office and the People's Bank of China watched."),
            vec!["Lok Vikas Party", "Jan Morcha Alliance", "Praja Shakti", "Moody's Investors Service", "Lane County Sheriff's Office", "People's Bank of China"]
        );
    }

    #[test]
    fn a_party_named_before_the_word_a_nationality_before_and_an_outlet_after_an_article() {
        assert_eq!(
            names("The ruling Georgian Dream party and the ruling Likud party met, unlike the Christmas party. They waved Georgian and European Union flags and told the BBC so."),
            vec!["Georgian Dream", "Likud", "European Union", "BBC"]
        );
        // German names a company after its kind in the genitive too.
        let body = "Nach Angaben des Betreibers Arianespace lief alles gut.";
        let found = german_organisations(body);
        let found: Vec<&str> = found.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(found, vec!["Arianespace"]);
    }

    #[test]
    fn a_name_extended_by_its_place_in_romance_order_is_the_longer_one() {
        let body =
            "O Conselho Constitucional de Moçambique proclamou. O Conselho Constitucional disse.";
        let found = find_organisations(&Text::new(body), &[], None);
        let found: Vec<(&str, usize)> = found
            .iter()
            .map(|o| (o.name.as_str(), o.mentions.len()))
            .collect();
        assert_eq!(found, vec![("Conselho Constitucional de Moçambique", 2)]);
    }

    #[test]
    fn a_firm_named_by_its_securities_head_word() {
        assert_eq!(
            names("Dan Ives, an analyst at Wedbush Securities, agreed. The U.S. Securities and Exchange Commission (SEC) did not."),
            vec!["Wedbush Securities", "U.S. Securities and Exchange Commission"]
        );
    }

    #[test]
    fn brands_and_names_listed_with_companies() {
        assert_eq!(
            names("Ferries run by CalMac were late. Microsoft, Amazon and Zillow cut jobs, unlike McDonald."),
            vec!["CalMac", "Microsoft", "Amazon", "Zillow"]
        );
    }

    #[test]
    fn units_zones_and_shouted_words_are_not_acronyms() {
        assert!(
            names("Demand hit 250 GW at 3 PM EST. WASHINGTON STATE OFFICIALS WARNED.").is_empty()
        );
        // Acronyms in a list are no line of capitals.
        assert_eq!(
            names("Die Verhandlungen von ÖVP, SPÖ und Neos sind gescheitert."),
            ["ÖVP", "SPÖ"]
        );
    }
}
