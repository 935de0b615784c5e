//! People a story mentions: runs of two to five capitalized name words ("Bernardo Arévalo",
//! "Lucía Barrios Sandoval", "Dmitry Peskov"), with titles, organisations, places and calendar
//! words kept out, listed under the fullest form the story uses; a later surname alone
//! ("Arévalo said") is a mention of the same person. Bylined authors are authors, not people
//! the story mentions, unless the body names them.
//!
//! Rule-based and deliberately cautious: a run that could as well be an organisation or a place
//! is left out, so what is listed is rarely wrong.

use std::collections::BTreeSet;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::organisations::{is_head_word, Organisation};
use super::places::Place;
use super::quotes::SAYING;
use super::{is_office, WordList, CALENDAR, GERMAN_DETERMINERS, SENTENCE_ADVERBS};
use crate::story::gazetteer::{fold, gazetteer};
use crate::story::text::{follows_a_dash, opens_sentence, without_possessive, Text};

/// A person the story mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: String,
    /// The title or role the story gives them ("Guatemalan President", "chief economist at
    /// Ridgeline Capital"), from the words before the name or an apposition after it.
    pub role: Option<String>,
    /// Character offsets `[start, end)` of each mention in the clean body.
    pub mentions: Vec<(usize, usize)>,
}

/// Titles and roles printed before names; they end a name run rather than belong to it.
static TITLES: WordList = WordList::new(&[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Gov",
    "Gov.",
    "Governor",
    "Sen",
    "Sen.",
    "Senator",
    "Rep",
    "Rep.",
    "Representative",
    "Dr",
    "Dr.",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Mayor",
    "Chief",
    "Executive",
    "Director",
    "Secretary",
    "General",
    "Gen.",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Commander",
    "Judge",
    "Attorney",
    "Justice",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Sheikh",
    "Lt.",
    "Col.",
    "Capt.",
    "Sgt.",
    "Officer",
    "Agriculture",
    "Finance",
    "Foreign",
    "Defense",
    "Defence",
    "Transport",
    "Energy",
    "Health",
    "Economy",
    "Interior",
    "Labor",
    "Labour",
    "Trade",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Ambassador",
    "Consul",
    "Deputy",
    "Treasurer",
    "Premier",
    "Chancellor",
    "Speaker",
    "Leader",
    "Coach",
    "Professor",
    "Prof.",
    "Bishop",
    "Cardinal",
    "Rev.",
    "Father",
    "Sister",
    "Saint",
    "St.",
    "Presidente",
    "Ministro",
    "Ministra",
    "Gobernador",
    "Alcalde",
    "Präsident",
    "Ministerin",
    "Bundeskanzler",
    "Chef",
    "Chefin",
    "Président",
    "Ministre",
    "Senhor",
    "Dona",
    "Don",
    "Doña",
    "Herr",
    "Frau",
    "Mme",
    "Mlle",
    "Madame",
    "Monsieur",
    "Colonel",
    "Major",
    "Lieutenant",
    "Captain",
    "Sergeant",
    "Admiral",
    "Marshal",
    "Commissioner",
    "Inspector",
    "Detective",
    "Economist",
    "Analyst",
    "Comandante",
    "Coronel",
    "Capitão",
    "Capitán",
    "Coroner",
    "Sheriff",
    "Prosecutor",
    "Superintendent",
    "Supervisor",
    "Councilmember",
    "Assemblymember",
    "Assemblyman",
    "Assemblywoman",
    "Alderman",
    "Alderwoman",
    "Councilman",
    "Councilwoman",
    "Councilor",
    "Councillor",
    "Commodore",
    "Brigadier",
    "Rear",
    "Adm.",
    "Cmdr.",
    "Maj.",
    "Rabbi",
    "Administrator",
    "Sir",
    "Dame",
    "Lord",
    "Baroness",
    "Baron",
    "Imam",
    "Archbishop",
]);

/// Titles of courtesy: they end a name run as titles do, but are no role.
static COURTESY_TITLES: WordList = WordList::new(&[
    "Mr", "Mrs", "Ms", "Mme", "Mlle", "Madame", "Monsieur", "Senhor", "Dona", "Don", "Doña",
    "Herr", "Frau", "Sir", "Dame", "Lord", "Baroness", "Baron",
]);

/// Honorifics after which British copy names a knight or dame by the given name alone: "Sir
/// Keir" is Keir Starmer.
static GIVEN_NAME_HONORIFICS: WordList = WordList::new(&["Sir", "Dame"]);

/// Marks that open and close a quotation, in the five languages' styles.
const OPENING_QUOTES: [char; 6] = ['"', '“', '«', '„', '‘', '‚'];
const CLOSING_QUOTES: [char; 6] = ['"', '”', '»', '“', '’', '‘'];

/// Lower-case nouns of venues and facilities, after which a name is the venue's: "el estadio
/// Santiago Bernabéu", "the stadium Stamford Bridge", "o aeroporto Salgado Filho", "la central
/// Antonio Guiteras", "la pista Suzanne Lenglen", "el autódromo Hermanos Rodríguez".
static VENUE_NOUNS: WordList = WordList::new(&[
    "stadium",
    "estadio",
    "stade",
    "estádio",
    "stadion",
    "arena",
    "arène",
    "teatro",
    "théâtre",
    "aeropuerto",
    "aeroporto",
    "aéroport",
    "hospital",
    "hôpital",
    "central",
    "centrale",
    "termoeléctrica",
    "termelétrica",
    "termoelétrica",
    "usina",
    "represa",
    "embalse",
    "presa",
    "açude",
    "barrage",
    "barragem",
    "pista",
    "quadra",
    "cancha",
    "velódromo",
    "vélodrome",
    "autódromo",
    "autodrome",
    "circuito",
    // Instruments and craft named after people: "le télescope James Webb".
    "télescope",
    "telescopio",
    "telescópio",
    "telescope",
    "sonde",
    "sonda",
]);

/// Whether a lower-case word reads as an adjective of kind ("spatial", "olímpico", "nuclear",
/// "municipal", "termoeléctrica"), which may stand between a venue's noun and its name; "donde"
/// or "where" may not.
fn is_relational_adjective(word: &str) -> bool {
    word.chars().count() >= 5
        && word.chars().all(char::is_lowercase)
        && ["al", "ar", "ico", "ica", "ique"]
            .iter()
            .any(|ending| word.ends_with(ending))
}

/// Prepositions of place, after which a name is a place's, not a person's.
static LOCATIVES: WordList = WordList::new(&["near", "outside"]);

/// Lower-case nouns of facilities, which take the name of the person they are named after
/// between "the" and the noun: "the Antonio Guiteras thermoelectric plant", "the John Paul II
/// hospital". (An administration, a campaign or an era named so is still about the person.)
static FACILITY_NOUNS: WordList = WordList::new(&[
    "plant",
    "station",
    "airport",
    "stadium",
    "arena",
    "hospital",
    "clinic",
    "school",
    "bridge",
    "dam",
    "refinery",
    "mine",
    "port",
    "terminal",
    "building",
    "tower",
    "centre",
    "center",
    "library",
    "museum",
    "highway",
    "tunnel",
    "reactor",
    "shipyard",
    "prison",
    "line",
    "railway",
    "expressway",
    "motorway",
    "pipeline",
    "canal",
    // Areas named after a feature: "Florida's Big Bend area", "the Hill Country region".
    "area",
    "region",
    "valley",
]);

/// Whether `after`, the text after a run of capitalized words, goes on with a facility's noun,
/// at most one lower-case word (its kind: "thermoelectric", "international") away.
fn a_facility_follows(after: &str) -> bool {
    let mut words = after
        .strip_prefix(' ')
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric() && c != '-');
    let Some(first) = words.next() else {
        return false;
    };
    FACILITY_NOUNS.contains(first)
        || first.starts_with(char::is_lowercase)
            && words
                .next()
                .is_some_and(|noun| FACILITY_NOUNS.contains(noun))
}

/// Capitalized words that end venues' names and are surnames too: a run that ends so names a
/// venue only after "the".
static VENUE_SURNAMES: WordList = WordList::new(&["Arena", "Hall", "Garden", "Gardens", "Field"]);

/// French articles, after which a capitalized nationality is a noun, not a name.
static FRENCH_ARTICLES: WordList = WordList::new(&["le", "la", "l'", "l’", "les"]);

/// Endings of French nationalities (Française, Néo-Zélandaise, Italien, Américaine, Suédois,
/// Ghanéen, Nigérian, Allemand, Argentin, Espagnol, Britannique, Slovène, Tchèque, Slovaque,
/// Chypriote, Yéménite, Monégasque).
const FRENCH_NATIONAL_ENDINGS: &[&str] = &[
    "ais", "aise", "ien", "ienne", "ain", "aine", "ois", "oise", "éen", "éenne", "an", "ane",
    "and", "ande", "in", "ine", "ol", "ole", "ique", "ène", "èque", "aque", "ote", "ite", "asque",
];

/// French nationalities too short for their ending to tell them, or with none of those.
static FRENCH_NATIONALITIES: WordList = WordList::new(&[
    "Belge", "Suisse", "Russe", "Grec", "Grecque", "Turc", "Turque", "Kurde", "Basque", "Serbe",
    "Croate", "Thaï",
]);

/// German compound titles end in these: "Bundesverkehrsminister", "ADV-Sprecher".
const TITLE_SUFFIXES: &[&str] = &[
    "minister",
    "ministerin",
    "sprecher",
    "sprecherin",
    "vorstand",
    "chef",
    "chefin",
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "leiter",
    "leiterin",
    "direktor",
    "direktorin",
    "vorsitzende",
    "vorsitzender",
    "politiker",
    "politikerin",
    "sekretär",
    "sekretärin",
    "bürgermeister",
    "bürgermeisterin",
    "botschafter",
    "botschafterin",
    "volkswirt",
    "volkswirtin",
    "ökonom",
    "ökonomin",
    "analyst",
    "analystin",
    "stratege",
    "strategin",
    "führer",
    "führerin",
    "anwalt",
    "anwältin",
    "richter",
    "richterin",
    "verteidiger",
    "verteidigerin",
    "trainer",
    "trainerin",
    "ologe",
    "ologin",
];

/// How many of a word's last bytes [`has_title_suffix`] compares: as many as the longest
/// suffix has, or more.
const TITLE_TAIL: usize = 16;

fn is_title(word: &str) -> bool {
    TITLES.contains(word)
        || (word.chars().count() > 6 && has_title_suffix(word))
        // "Secretary-General", "Director-General", "Vice-President".
        || word.contains('-') && word.split('-').all(|part| TITLES.contains(part))
}

/// Titles of sovereigns, whose name takes a numeral: "King Charles III", "Pope Leo XIV".
static SOVEREIGNS: WordList = WordList::new(&[
    "King", "Queen", "Pope", "Emperor", "Empress", "Tsar", "Sultan", "Rey", "Reina", "Roi",
    "Reine", "Rei", "Rainha", "König", "Königin", "Papa", "Pape", "Papst",
]);

/// Whether a word is a Roman numeral from I to XXXIX, as sovereigns' names carry.
fn is_regnal_numeral(word: &str) -> bool {
    let tens = word.len() - word.trim_start_matches('X').len();
    let units = &word[tens..];
    tens <= 3
        && !word.is_empty()
        && matches!(
            units,
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}

/// Whether `word` lower-cased ends like a title ("Außenminister"). An ASCII word's end is
/// lower-cased on the stack: most words asked about are ASCII, and lower-casing each whole into a
/// new string was an allocation a word.
pub(super) fn has_title_suffix(word: &str) -> bool {
    if word.is_ascii() {
        let mut tail = [0u8; TITLE_TAIL];
        let start = word.len().saturating_sub(TITLE_TAIL);
        let tail = &mut tail[..word.len() - start];
        tail.copy_from_slice(&word.as_bytes()[start..]);
        tail.make_ascii_lowercase();
        TITLE_SUFFIXES
            .iter()
            .any(|suffix| tail.ends_with(suffix.as_bytes()))
    } else {
        let lower = word.to_lowercase();
        TITLE_SUFFIXES.iter().any(|suffix| lower.ends_with(suffix))
    }
}

/// Words that make a run an organisation, an event, a law, a place or a product, not a person
/// (besides the organisation head words, `organisations::is_head_word`).
static NOT_PERSON_WORDS: WordList = WordList::new(&[
    "County",
    "Parish",
    "Borough",
    "Township",
    "District",
    "Province",
    "Prefecture",
    "Condado",
    "Corp",
    "Inc",
    "Fire",
    "Forest",
    "Weather",
    "State",
    "States",
    "National",
    "Federal",
    "Airport",
    "Act",
    "Bill",
    "Law",
    "News",
    "Project",
    "Program",
    "Plan",
    "Market",
    "Exchange",
    "Index",
    "Composite",
    "Average",
    "Canal",
    "River",
    "Lake",
    "Sea",
    "Ocean",
    "Island",
    "Islands",
    "Mountains",
    "Park",
    "Street",
    "Road",
    "Avenue",
    "Square",
    "Bridge",
    "Station",
    "Church",
    "Museum",
    "Cup",
    "Games",
    "Olympics",
    "Festival",
    "Summit",
    "Bowl",
    "Prix",
    "Marathon",
    "Masters",
    // Places and pacts named in the plural: "Victoria Falls", "the Oslo Accords".
    "Falls",
    "Heights",
    "Springs",
    "Accords",
    "Agreements",
    "Conventions",
    "Papers",
    "Talks",
    // Parties named by their members: "Christian Democrats", "Sweden Democrats".
    "Democrats",
    "Republicans",
    // Storms, which are named like people: "Hurricane Milton", "Typhoon Gaemi", "Storm
    // Ciarán", "Tempête Ciaran".
    "Storm",
    "Tempête",
    "Tormenta",
    "Tempestade",
    "Hurricane",
    // Headlands: "Pointe du Raz", "Cape Wrath".
    "Pointe",
    "Cap",
    "Cabo",
    "Punta",
    "Typhoon",
    "Cyclone",
    "Huracán",
    "Ouragan",
    "Furacão",
    // Lifts and cable cars: "o Elevador da Glória", "el Teleférico de Caracas".
    "Elevador",
    "Ascensor",
    "Funicular",
    "Teleférico",
    // Races: "le Tour de France", "la Vuelta", "the US Open".
    "Tour",
    "Giro",
    "Vuelta",
    "Rallye",
    "Open",
    // Courts sit in panels and in plenary: "a Primeira Turma do STF", "el Pleno del Tribunal".
    "Turma",
    "Plenário",
    "Pleno",
    "Plenum",
    // Branches of government and fronts: "el Poder Ejecutivo", "Frente de Libertação".
    "Poder",
    "Ejecutivo",
    "Executivo",
    "Legislativo",
    "Frente",
    "Cúpula",
    "Cumbre",
    "Sommet",
    "Gipfel",
    "Conference",
    "Forum",
    "Day",
    "Week",
    "Year",
    "Prize",
    "Award",
    "Republic",
    "Kingdom",
    "Movement",
    "Front",
    "Investments",
    "Research",
    "Economic",
    "Security",
    "Employment",
    "Census",
    "Development",
    "Commerce",
    "Industry",
    "Steel",
    "Oil",
    "Gas",
    "Mining",
    "Media",
    "Television",
    "Radio",
    "Magazine",
    "Tribune",
    "Gazette",
    "Ledger",
    "Sentinel",
    "Express",
    "Mail",
    "Telegraph",
    "Guardian",
    "Review",
    "Stock",
    "Global",
    "International",
    "World",
    "Nations",
    "European",
    "American",
    "African",
    "Asian",
    "Dam",
    "Trough",
    "Salar",
    // A team's nickname: "the All Blacks", "les All Blacks".
    "All",
    // Parts of a country, and the words of departments, funds and agencies that read like a
    // name: "the Western Division", "the Coral Coast", "Natural Resources Canada", "Norges Bank
    // Investment Management", "Centres for Disease Control and Prevention".
    "Division",
    "Region",
    "Coast",
    "Highlands",
    "Resources",
    "Statistics",
    "Affairs",
    "Management",
    "Control",
    "Prevention",
    "Centres",
    "Centers",
    "Puerto",
    "Port",
    "Santo",
    "San",
    "Santa",
    "São",
    "Mount",
    "Cape",
    "Valley",
    "Gulf",
    "Bay",
    "Cities",
    "Isles",
    "Peoples",
    "Estrada",
    "Nacional",
    "Municipal",
    "Câmara",
    "Instituto",
    "Guarda",
    "Autoridade",
    "Banco",
    "Grupo",
    "Unión",
    "Central",
    "War",
    "Controller",
    "Studies",
    "Air",
    "Civil",
    "Proteção",
    "Protecção",
    "Bahn",
    // Products and sectors named like people: "App Store", "Big Tech".
    "Store",
    "Tech",
    // The state and its budget: "Orçamento do Estado", "Presupuesto del Estado".
    "Estado",
    "Orçamento",
    "Presupuesto",
    "Budget",
    // Venues, landmarks and events, which are often named after someone ("Rod Laver Arena" is
    // not caught: Arena and Hall are surnames too).
    "Open",
    "Championship",
    "Championships",
    "Campeonato",
    "Championnat",
    "Meisterschaft",
    // Regions by compass and ocean ("the Pacific Northwest"), towers ("la Torre Ejecutiva").
    "Northwest",
    "Northeast",
    "Southwest",
    "Southeast",
    "Midwest",
    "Pacific",
    "Atlantic",
    "Tower",
    "Torre",
    // Reports and movements: "o Boletim Económico", "la Revolución Ciudadana".
    "Boletim",
    "Boletín",
    "Bulletin",
    "Relatório",
    "Revolution",
    "Revolución",
    "Revolução",
    "Révolution",
    "Tournament",
    "Marathon",
    "Prix",
    "Stadium",
    "Stade",
    "Estadio",
    "Estádio",
    "Theatre",
    "Theater",
    "Théâtre",
    "Teatro",
    "Cathedral",
    "Cathédrale",
    "Catedral",
    "Église",
    "Iglesia",
    "Igreja",
    "Musée",
    "Museo",
    "Museu",
    "Palace",
    "Palais",
    "Palacio",
    "Palácio",
    "Jardin",
    "Jardim",
    "Gare",
    "Plaza",
    "Praça",
    "Place",
    "Rue",
    "Calle",
    "Rua",
    "Boulevard",
    "Avenida",
    "Château",
    "Hotel",
    "Hôtel",
    "Parc",
    "Parque",
    "Opéra",
    "Copa",
    "Supercopa",
    "Liga",
    "Plus",
    "Real",
    // Clubs and channels named after their town ("Manchester City", "West Ham United", "Sky
    // Sports"), and bodies whose names read like a person's ("Naciones Unidas", "Defensoría del
    // Pueblo", "Concertação Social").
    "City",
    "United",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Albion",
    "Hotspur",
    "Sports",
    "Sport",
    "Naciones",
    "Nações",
    "Unidas",
    "Unidos",
    "Defensoría",
    "Social",
    "Borussia",
    "Atlético",
    "Sporting",
    "Olympique",
    "Dynamo",
    "Dinamo",
    "Deportivo",
    "Racing",
    // Laws and agencies: "the First Amendment", "the U.S. Geological Survey".
    "Amendment",
    "Survey",
    "Legislature",
    // Competitions and clubs: "Ligue Europa", "Bayern Munich".
    "League",
    "Ligue",
    "Bayern",
    // Economic measures: "Produto Interno Bruto", "Gross Domestic Product".
    "Interno",
    "Bruto",
    "Domestic",
]);

/// Sentence openers that are capitalized only because they open the sentence, adverbs among
/// them ("Depois Vaz saiu", "Ayer Sánchez dijo", "Later Reed said").
static OPENERS: WordList = WordList::new(&[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "For",
    "With",
    "After",
    "Before",
    "As",
    "When",
    "While",
    "If",
    "Since",
    "Although",
    "During",
    "Under",
    "Over",
    "By",
    "From",
    "To",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "Some",
    "Many",
    "Most",
    "Several",
    "Other",
    "Both",
    "Each",
    "Every",
    "No",
    "Not",
    "It",
    "He",
    "She",
    "They",
    "We",
    "El",
    "La",
    "Los",
    "Las",
    "Le",
    "Les",
    "Der",
    "Die",
    "Das",
    "O",
    "Os",
    "Un",
    "Une",
    "Una",
    "Ein",
    "Eine",
    "Según",
    "Segundo",
    "Para",
    "Por",
    "Con",
    "Sin",
    "Pero",
    "Nach",
    "Laut",
    "Mit",
    "Bei",
    "Selon",
    "Pour",
    "Avec",
    "Mais",
    "Durante",
    "Tras",
    "Ante",
    // Prepositions that open a sentence: "En América Latina, …", "Im Norden …".
    "En",
    "Em",
    "Na",
    "Nas",
    "Nos",
    "Ao",
    "Aos",
    "Pelo",
    "Pela",
    "Desde",
    "Hasta",
    "Entre",
    "Sobre",
    "Contra",
    "Dans",
    "Sur",
    "Sous",
    "Chez",
    "Depuis",
    "Au",
    "Aux",
    "Im",
    "Am",
    "Auf",
    "Aus",
    "Vom",
    "Zum",
    "Zur",
    "Beim",
    "Seit",
    "Later",
    "Then",
    "Meanwhile",
    "Yesterday",
    "Today",
    "Also",
    "However",
    "Depois",
    "Ainda",
    "Também",
    "Hoje",
    "Ontem",
    "Agora",
    "Então",
    "Después",
    "Ayer",
    "Hoy",
    "Ahora",
    "Además",
    "Luego",
    "Entonces",
    "También",
    "Ensuite",
    "Hier",
    "Puis",
    "Alors",
    "Ainsi",
    "Après",
    "Gestern",
    "Heute",
    "Dann",
    "Danach",
    "Zudem",
    "Außerdem",
]);

/// A word capitalized because it opens the sentence: an article or a preposition, or an adverb
/// where it does open one (mid-sentence, "Just Eat" keeps its first word).
fn is_opener(body: &str, word: &Word<'_>) -> bool {
    OPENERS.contains(word.text)
        || SENTENCE_ADVERBS.contains(word.text)
            && (opens_sentence(body, word.start) || follows_a_dash(body, word.start))
}

/// Particles inside names: "Santo Tomás de Castilla" is a place, but "Ursula von der Leyen"
/// and "Luiz Inácio Lula da Silva" are people.
static PARTICLES: WordList = WordList::new(&[
    "de", "da", "do", "dos", "das", "del", "des", "du", "van", "von", "bin", "al", "la",
]);

/// A word in the body with its byte range.
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// The body's words, as the shared reading of the body found them.
fn words<'a>(text: &Text<'a>) -> Vec<Word<'a>> {
    let body = text.body();
    text.words()
        .iter()
        .map(|&(start, end)| Word {
            text: &body[start..end],
            start,
            end,
        })
        .collect()
}

/// One capital letter: an initial, when a full stop follows it.
fn is_initial(word: &str) -> bool {
    word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_name_word(word: &str) -> bool {
    if !word.starts_with(|c: char| c.is_uppercase() && is_latin(c)) {
        return false;
    }
    // An adjective made with a hyphen is no name: "Republican-controlled", "Kremlin-backed".
    if word
        .rsplit_once('-')
        .is_some_and(|(_, after)| !after.is_empty() && after.chars().all(char::is_lowercase))
    {
        return false;
    }
    let trimmed = word.trim_end_matches('.');
    let rest_lower = trimmed.chars().skip(1).any(char::is_lowercase);
    rest_lower && trimmed.chars().all(|c| !c.is_alphabetic() || is_latin(c)) && !word.ends_with('.')
}

/// A surname with the Arabic article, written lower-case and joined: "Nasser al-Khelaïfi",
/// "Abdel Fattah el-Sisi". It continues a name; it does not open one ("al-Shabaab").
fn is_arabic_article_name(word: &str) -> bool {
    ["al-", "el-"]
        .iter()
        .filter_map(|article| word.strip_prefix(article))
        .any(is_name_word)
}

/// Plural endings of abstract nouns in Spanish, Portuguese, French and German ("Enfermedades",
/// "Verbindungen", "Libertés") and of professions ("Economistas", "Analistas", "Économistes"):
/// no given name or surname ends so, and a run with such a word is an institution's name
/// ("Prevención de Enfermedades de África") or a sentence's subject ("Economistas do Itaú").
const PLURAL_NOUN_ENDINGS: &[&str] = &[
    "dades", "ciones", "siones", "ções", "sões", "ungen", "heiten", "keiten", "ités", "istas",
    "istes",
];

fn has_plural_noun_ending(word: &str) -> bool {
    PLURAL_NOUN_ENDINGS
        .iter()
        .any(|ending| word.len() > ending.len() + 2 && word.ends_with(ending))
}

/// Whether a verb of saying stands right before the word at `index`, with nothing but spaces
/// between them: "sagte Babler".
fn said_before(words: &[Word<'_>], body: &str, index: usize) -> bool {
    index.checked_sub(1).is_some_and(|before| {
        SAYING.contains(words[before].text)
            && body[words[before].end..words[index].start]
                .trim()
                .is_empty()
    })
}

/// Whether a verb of saying stands right after the word at `index`: "Babler sagte", not
/// "des Autobauers Europas, sagte sie", whose speaker comes after the verb.
fn said_after(words: &[Word<'_>], body: &str, index: usize) -> bool {
    words.get(index + 1).is_some_and(|after| {
        SAYING.contains(after.text) && body[words[index].end..after.start].trim().is_empty()
    })
}

/// Whether a word makes the run it is in something other than a person: an institution's,
/// event's or place's word, a plural abstract noun, an organisation's head word, a month or day.
pub(super) fn makes_no_name(word: &str) -> bool {
    let stem = without_possessive(word);
    NOT_PERSON_WORDS.contains(stem)
        || has_plural_noun_ending(stem)
        || is_head_word(stem)
        || CALENDAR.contains(word)
}

/// An English plural of nationality, which reads like a name ("two South Koreans"): a name in
/// `-ans` that is a country's name plus `-ns`, `-ans` or `-ians` (South Koreans, Chileans,
/// Brazilians). Surnames in `-ans` ("Evans") are no country's.
fn is_plural_demonym(word: &str) -> bool {
    let Some(stem) = word.strip_suffix("ans") else {
        return false;
    };
    let country = |name: &str| gazetteer().country_code(name).is_some();
    word.starts_with(char::is_uppercase)
        && (country(&word[..word.len() - 2])
            || country(stem)
            || stem.strip_suffix('i').is_some_and(country))
}

/// Given names that are also an institution's word when they end a name: "Bill Blair" and
/// "Forest Whitaker" are people, "the Online Safety Bill" and "Sherwood Forest" are not.
static GIVEN_NAMES_TOO: WordList = WordList::new(&["Bill", "Forest"]);

/// [`makes_no_name`] for a word at a place in a run: a given name that opens it still names.
fn makes_no_name_in_run(word: &str, opens_run: bool) -> bool {
    !(opens_run && GIVEN_NAMES_TOO.contains(word)) && makes_no_name(word)
}

fn is_latin(c: char) -> bool {
    !c.is_alphabetic() || (c as u32) < 0x0250 || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// Finds people in the clean body. `places` and `organisations` are those found in the same
/// body (a name inside an organisation's is not a person's), `authors` the bylined writers, and
/// `language` the story's ISO 639-1 code when known.
pub fn find_people(
    text: &Text<'_>,
    places: &[Place],
    organisations: &[Organisation],
    authors: &[String],
    language: Option<&str>,
) -> Vec<Person> {
    let body = text.body();
    let place_names: BTreeSet<String> = places.iter().map(|p| fold(&p.name)).collect();
    // A name the story gives an organisation is the organisation's wherever it stands: "the
    // ruling Georgian Dream party" … "Georgian Dream has enough votes".
    let organisation_names: BTreeSet<String> =
        organisations.iter().map(|o| fold(&o.name)).collect();
    let words = words(text);
    let nicknames = super::nicknames::nicknames(body);
    // Word index ranges, and the nickname a run holds.
    let mut runs: Vec<(usize, usize, Option<HeldNickname>)> = Vec::new();
    let mut index = 0;
    while index < words.len() {
        if !is_name_word(words[index].text) {
            index += 1;
            continue;
        }
        let start = index;
        let mut end = index + 1;
        let mut nickname = None;
        while end < words.len() {
            // A possessive ends a name: "Prime Minister Narendra Modi's Bharatiya Janata Party",
            // "the BJP's Parvesh Verma".
            if without_possessive(words[end - 1].text).len() < words[end - 1].text.len() {
                break;
            }
            let separated_by_space = body[words[end - 1].end..words[end].start] == *" ";
            if !separated_by_space {
                // A nickname between the given name and the surname is no part of the name:
                // `Joaquín "El Chapo" Guzmán` is Joaquín Guzmán.
                let quoted = nicknames
                    .iter()
                    .find(|n| n.quoted.start == words[end - 1].end + 1)
                    .filter(|_| nickname.is_none());
                let surname = quoted.and_then(|quoted| {
                    words[end..]
                        .iter()
                        .position(|w| w.start == quoted.surname_start)
                });
                if let (Some(quoted), Some(surname)) = (quoted, surname) {
                    nickname = Some(HeldNickname {
                        quoted: quoted.quoted.clone(),
                        words: end..end + surname,
                    });
                    end += surname + 1;
                    continue;
                }
                break;
            }
            let word = words[end].text;
            if is_name_word(word) || is_arabic_article_name(word) {
                end += 1;
                continue;
            }
            // A middle initial between two name words: "Robert F. Kennedy Jr.", "Michael J.
            // Fox" (not "Vitamin D. The study").
            let initial_then_name = is_initial(word)
                && body[words[end].end..].starts_with(". ")
                && words.get(end + 1).is_some_and(|next| {
                    next.start == words[end].end + 2
                        && is_name_word(next.text)
                        && !super::keywords::is_stop_word_in_any(next.text)
                });
            if initial_then_name {
                end += 2;
                continue;
            }
            // A sovereign's numeral ends the name: "King Felipe VI", "Pope Leo XIV".
            if is_regnal_numeral(word) && SOVEREIGNS.contains(words[start].text) {
                end += 1;
                break;
            }
            // Particles continue a name only when a name word follows them: "von der Leyen",
            // and after a capitalized "Van" too: "Alexander Van der Bellen", "Van den Berg";
            // not after a word that makes no name: "Die Partei von Herbert Kickl".
            if makes_no_name_in_run(words[end - 1].text, end - 1 == start) {
                break;
            }
            let mut next = end;
            while next < words.len()
                && (PARTICLES.contains(words[next].text)
                    || (matches!(words[next].text, "der" | "den")
                        && matches!(words[next - 1].text, "von" | "van" | "Von" | "Van")))
            {
                next += 1;
            }
            // Nor before an organisation's name: "Martin Tessier von der Deutschen Bank".
            let names_an_organisation = || {
                words[next..]
                    .iter()
                    .take_while(|w| is_name_word(w.text))
                    .any(|w| makes_no_name(w.text))
            };
            if next > end
                && words.get(next).is_some_and(|w| is_name_word(w.text))
                && !names_an_organisation()
            {
                end = next + 1;
            } else {
                break;
            }
        }
        runs.push((start, end, nickname));
        index = end;
    }
    let mut people: Vec<Person> = Vec::new();
    // Where the last run that was all a role's domain ended, and every such run: the story's
    // other mentions of a portfolio are no person either ("sobre Mudança do Clima").
    let mut domain_end: Option<usize> = None;
    // Where the last one-word run that was a role's domain ended, when a conjunction follows it.
    let mut single_domain_end: Option<usize> = None;
    let mut domains: Vec<String> = Vec::new();
    // Each person's folded name, which later runs are matched on.
    let mut keys: Vec<String> = Vec::new();
    // Whether some mention of each person is introduced as a person's is: with a role, or
    // beside a verb of saying ("sagte Anna Weber").
    let mut introduced: Vec<bool> = Vec::new();
    // A name takes two words at least, and taking off a title leaves no more.
    for (start, end, nickname) in runs {
        if end - start < 2 {
            // A domain of one word may open a list of them, the role's holder named after it:
            // "secretario de Seguridad y Protección Ciudadana, Omar García Harfuch".
            let word = &words[start];
            let listed = words
                .get(end)
                .is_some_and(|next| CONJUNCTIONS.contains(next.text))
                && role_start_before_domain(&body[..word.start]).is_some();
            if listed {
                single_domain_end = Some(word.end);
            }
            continue;
        }
        let nickname_words = nickname.as_ref().map_or(0..0, |held| held.words.clone());
        let mut tokens: Vec<&Word<'_>> = (start..end)
            .filter(|index| !nickname_words.contains(index))
            .map(|index| &words[index])
            .collect();
        // A run that opens inside an organisation's name goes on with someone's title or name:
        // "Bank of England Governor Andrew Bailey". The organisation then opens the title.
        let mut title_start = None;
        while tokens.len() > 2 {
            let first = (
                text.char_offset(tokens[0].start),
                text.char_offset(tokens[0].end),
            );
            let organisation = organisations
                .iter()
                .flat_map(|o| &o.mentions)
                .find(|(start, end)| *start <= first.0 && first.1 <= *end);
            let Some(&(organisation_start, _)) = organisation else {
                break;
            };
            title_start.get_or_insert(text.byte_offset(organisation_start));
            tokens.remove(0);
        }
        let mut role = None;
        // A run right after "<role> of" opens with the role's domain: "Secretary of State Antony
        // Blinken", "ministra de Hacienda María Jesús Montero". With too few words left for a
        // name it is all domain, and so is a run joined to it by "and": "a ministra do Meio
        // Ambiente e Mudança do Clima".
        let before_run = &body[..tokens[0].start];
        let run_text = &body[tokens[0].start..tokens[tokens.len() - 1].end];
        let after_run = &body[tokens[tokens.len() - 1].end..];
        let holder_follows = after_run
            .strip_prefix(", ")
            .is_some_and(|rest| rest.starts_with(char::is_uppercase));
        let joins_single_domain = single_domain_end
            .is_some_and(|end| holder_follows && joins_a_list(&body[end..tokens[0].start]));
        if joins_single_domain
            || domain_end.is_some_and(|end| joins_a_list(&body[end..tokens[0].start]))
        {
            domain_end = Some(tokens[tokens.len() - 1].end);
            domains.push(fold(run_text));
            continue;
        }
        if let Some(role_start) = role_start_before_domain(before_run) {
            let mut domain = 1;
            while tokens.len() - domain > 2 && is_portfolio_word(tokens[domain].text) {
                domain += 1;
            }
            if tokens.len() - domain < 2 {
                domain_end = Some(tokens[tokens.len() - 1].end);
                domains.push(fold(run_text));
                continue;
            }
            role = Some(body[role_start..tokens[domain - 1].end].to_owned());
            tokens.drain(..domain);
        }
        // A run that a quotation holds whole is a title: "révélée par « Lady Bird »".
        let quoted = before_run.trim_end().ends_with(OPENING_QUOTES)
            && body[tokens[tokens.len() - 1].end..]
                .trim_start()
                .starts_with(CLOSING_QUOTES);
        // The word one space before the run.
        let word_before = before_run
            .strip_suffix(' ')
            .and_then(|rest| rest.rsplit(WORD_BREAKS).next());
        // A run right after a venue's noun names the venue: "el estadio Santiago Bernabéu",
        // and after its "de" or its adjective too: "el embalse de Paso Severino", "le
        // télescope spatial James Webb", "el estadio olímpico Lluís Companys".
        let after_venue = word_before.is_some_and(|word| {
            VENUE_NOUNS.contains(word)
                || (matches!(word, "de" | "do" | "da" | "du") || is_relational_adjective(word))
                    && before_run
                        .trim_end()
                        .strip_suffix(word)
                        .and_then(|rest| rest.strip_suffix(' '))
                        .and_then(|rest| rest.rsplit(WORD_BREAKS).next())
                        .is_some_and(|noun| VENUE_NOUNS.contains(noun))
        });
        // And one between "the" and a facility's or an area's noun the facility, and so does one after "the"
        // that ends with a venue's word that is a surname too: "at the Accor Arena", "the Royal
        // Albert Hall" (where "Bruce Arena said" is a person).
        // A possessive determines it as "the" does: "Florida's Big Bend area".
        let after_the = word_before.is_some_and(|the| {
            the == "the" || the == "The" || without_possessive(the).len() < the.len()
        });
        let names_a_facility = after_the
            && (a_facility_follows(&body[tokens[tokens.len() - 1].end..])
                || VENUE_SURNAMES.contains(tokens[tokens.len() - 1].text));
        // A run after "near" or "outside" is where, not who: "landfall near Quy Nhon", unless
        // it is someone's: "outside Keir Starmer's office".
        let last_word = tokens[tokens.len() - 1].text;
        let someones = without_possessive(last_word).len() < last_word.len();
        let where_not_who = word_before.is_some_and(|word| LOCATIVES.contains(word)) && !someones;
        if quoted || after_venue || names_a_facility || where_not_who {
            continue;
        }
        // French capitalizes a nationality used as a noun: "la Française Justine Triet", and
        // at a sentence's start the article too: "Le Slovène Tadej Pogacar".
        if tokens.len() >= 4
            && FRENCH_ARTICLES.contains(&tokens[0].text.to_lowercase())
            && is_nationality_noun(tokens[1].text)
        {
            tokens.drain(..2);
        } else if tokens.len() >= 3
            && is_nationality_noun(tokens[0].text)
            && word_before.is_some_and(|article| FRENCH_ARTICLES.contains(article))
        {
            tokens.remove(0);
        }
        let mut sovereign_named_once = false;
        // Everything up to the last title is the title: "Guatemalan President Bernardo Arévalo"
        // → "Bernardo Arévalo"; a sentence opener goes too.
        if let Some(last_title) = tokens.iter().rposition(|w| is_title(w.text)) {
            let mut first = tokens
                .iter()
                .position(|w| !is_opener(body, w))
                .unwrap_or(0)
                .min(last_title);
            // "Los Angeles County Supervisor Kathryn Barger": an opener that begins the name of
            // a place the story names belongs to the role.
            if first > 0
                && place_names.contains(&fold(&body[tokens[first - 1].start..tokens[first].end]))
            {
                first -= 1;
            }
            // An organisation right before the title opens it too: "FEMA Administrator".
            let organisation_before = || {
                let at = text.char_offset(tokens[first].start);
                organisations
                    .iter()
                    .flat_map(|o| &o.mentions)
                    .find(|(_, end)| *end + 1 == at && body[..tokens[first].start].ends_with(' '))
                    .map(|(start, _)| text.byte_offset(*start))
            };
            let role_start = title_start
                .or_else(organisation_before)
                .unwrap_or(tokens[first].start);
            // A courtesy title ("Mme Claire Dubois", "Herr Weber", "Prime Minister Sir Keir
            // Starmer") is no role, nor part of one.
            let role_end = match tokens[first..=last_title]
                .iter()
                .rposition(|w| !COURTESY_TITLES.contains(w.text))
            {
                Some(at) => Some(tokens[first + at].end),
                None => title_start.map(|_| tokens[last_title].end),
            };
            if let Some(role_end) = role_end {
                // A role in lower case right before the title belongs to it: "coast guard
                // spokesperson Commodore Jay Tarriela".
                let before = role_before(&body[..role_start])
                    .filter(|before| !before.starts_with(char::is_uppercase));
                let title = &body[role_start..role_end];
                role = Some(match before {
                    Some(before) => format!("{before} {title}"),
                    None => title.to_owned(),
                });
            }
            // A sovereign known by one name keeps the title in it: "Pope Francis", "King
            // Abdullah", as news names them.
            sovereign_named_once =
                SOVEREIGNS.contains(tokens[last_title].text) && tokens.len() == last_title + 2;
            if sovereign_named_once {
                tokens.drain(..last_title);
            } else {
                tokens.drain(..=last_title);
            }
        }
        // A particle left first after an opener is the article it was ("Selon la Constitution").
        while tokens
            .first()
            .is_some_and(|w| is_opener(body, w) || PARTICLES.contains(w.text))
        {
            tokens.remove(0);
        }
        // A possessive ends the run, so only its last word may have one.
        if tokens.len() < 2
            || tokens.len() > 5
            || tokens.iter().enumerate().any(|(index, w)| {
                makes_no_name_in_run(w.text, index == 0)
                    || is_title(w.text) && !(sovereign_named_once && index == 0)
            })
        {
            continue;
        }
        let first = tokens[0];
        let last = tokens[tokens.len() - 1];
        // Where the name ends in the body, before a possessive's "'s".
        let name_end = last.start + without_possessive(last.text).len();
        let name = match nickname.as_ref().map(|held| &held.quoted) {
            Some(quoted) if first.start < quoted.start && quoted.end < name_end => {
                format!(
                    "{}{}",
                    &body[first.start..quoted.start],
                    &body[quoted.end + 1..name_end]
                )
            }
            _ => body[first.start..name_end].to_owned(),
        };
        let folded = fold(&name);
        if place_names.contains(&folded)
            || organisation_names.contains(&folded)
            || is_plural_demonym(&name)
        {
            continue;
        }
        // Two words one of which is a place are a place's longer name ("Kansas City", "Tokyo
        // Electron") unless the story gives them a role: "o primeiro-ministro Luís Montenegro".
        let has_place_word =
            tokens.len() == 2 && tokens.iter().any(|w| place_names.contains(&fold(w.text)));
        let offsets = (text.char_offset(first.start), text.char_offset(name_end));
        let inside_organisation = organisations.iter().any(|o| {
            o.mentions
                .iter()
                .any(|(start, end)| offsets.0 < *end && *start < offsets.1)
        });
        if inside_organisation {
            continue;
        }
        let after_name = &body[name_end..];
        let role = role
            .or_else(|| role_before(&body[..first.start]))
            .or_else(|| apposition_role(after_name))
            .or_else(|| enclosing_role(&body[..first.start], after_name));
        if has_place_word && role.is_none() {
            continue;
        }
        // Asked only where it decides anything: in German stories.
        let introduced_here = language != Some("de")
            || role.is_some()
            || said_before(&words, body, start)
            || said_after(&words, body, end - 1);
        match keys.iter().position(|key| *key == folded) {
            Some(known) => {
                let person = &mut people[known];
                person.mentions.push(offsets);
                person.role = person.role.take().or(role);
                introduced[known] |= introduced_here;
            }
            None => {
                keys.push(folded);
                introduced.push(introduced_here);
                people.push(Person {
                    name,
                    role,
                    mentions: vec![offsets],
                });
            }
        }
    }
    // German capitalizes every noun, so two capitalized words in a row are as often a noun
    // phrase ("Betroffene Passagiere", "Spielball von Tarifkonflikten") as a name, and a noun
    // recurs as a surname would. German copy introduces a person with their role or beside a
    // verb of saying; a run that never is is not taken for one. Its surname beside such a verb
    // later introduces it too: "Die SPÖ unter Andreas Babler … , sagte Babler".
    if language == Some("de") {
        let said_by_surname = |person: &Person| {
            let surname = surname(&person.name);
            words.iter().enumerate().any(|(index, word)| {
                without_possessive(word.text) == surname
                    && (said_before(&words, body, index) || said_after(&words, body, index))
            })
        };
        let mut introduced = introduced.into_iter();
        people.retain(|person| introduced.next().unwrap_or(false) || said_by_surname(person));
    }
    // A surname alone later is the same person: "Arévalo said"; so is another word of a longer
    // name, standing alone ("Lula" of "Luiz Inácio Lula da Silva", "Castro" of "Xiomara Castro
    // Sarmiento"). Only the words that are some person's short form are gathered.
    let forms: FxHashSet<&str> = people.iter().flat_map(|p| short_forms(&p.name)).collect();
    let mut by_short_form: FxHashMap<&str, Vec<(usize, &Word<'_>)>> = FxHashMap::default();
    for (index, word) in words.iter().enumerate() {
        let written = without_possessive(word.text);
        if word.text.starts_with(char::is_uppercase) && forms.contains(written) {
            by_short_form
                .entry(written)
                .or_default()
                .push((index, word));
        }
    }
    let full_names: Vec<(usize, usize)> = people
        .iter()
        .flat_map(|p| p.mentions.iter().copied())
        .collect();
    let in_full_name = |word: &Word<'_>| {
        let offset = text.char_offset(word.start);
        full_names.iter().any(|(s, e)| *s <= offset && offset < *e)
    };
    // A word that is not the surname counts only alone, outside every full name: "Manuel" of
    // "José Manuel Matheu" is not in "Manuel Rivas".
    let alone = |index: usize, word: &Word<'_>| {
        let name_word_beside = |neighbour: Option<&Word<'_>>| {
            neighbour.is_some_and(|w| {
                is_name_word(w.text)
                    && body[w.end.min(word.end)..w.start.max(word.start)]
                        .trim()
                        .is_empty()
            })
        };
        // A sentence's first word is capitalized whatever it is ("Depois Vaz chegou").
        let before = index
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .filter(|w| !opens_sentence(body, w.start));
        !name_word_beside(before) && !name_word_beside(words.get(index + 1)) && !in_full_name(word)
    };
    // A word of an organisation's name is the organisation's: "Castilla" of "la Junta de
    // Castilla y León" is no mention of someone surnamed Castilla.
    let in_organisation = |word: &Word<'_>| {
        let offset = text.char_offset(word.start);
        organisations
            .iter()
            .flat_map(|o| o.mentions.iter())
            .any(|(s, e)| *s <= offset && offset < *e)
    };
    for person in &mut people {
        let surname = surname(&person.name);
        let mut found: Vec<&Word<'_>> = Vec::new();
        for form in short_forms(&person.name) {
            let words = by_short_form.get(form).into_iter().flatten();
            // A word of another person's full name is theirs: "Silva" of "Marina Silva" is no
            // mention of Luiz Inácio Lula da Silva.
            found.extend(
                words
                    .filter(|(index, word)| {
                        let own = if form == surname {
                            !in_full_name(word)
                        } else {
                            alone(*index, word)
                        };
                        own && !in_organisation(word)
                    })
                    .map(|(_, word)| *word),
            );
        }
        for word in found {
            let written = without_possessive(word.text);
            let offsets = (
                text.char_offset(word.start),
                text.char_offset(word.start + written.len()),
            );
            let inside_full_name = person
                .mentions
                .iter()
                .any(|(s, e)| offsets.0 >= *s && offsets.1 <= *e);
            if !inside_full_name {
                person.mentions.push(offsets);
            }
        }
        person.mentions.sort_unstable();
    }
    // A given name alone is the one person of that given name right after "Sir" or "Dame"
    // ("Sir Keir"), or beside a verb of saying, where sport and Brazilian copy name players and
    // politicians so ("declaró Joselu", "Lula disse").
    for (index, given) in words.iter().enumerate() {
        let beside = |at: Option<usize>| at.and_then(|at| words.get(at)).map(|w| w.text);
        let after_honorific =
            beside(index.checked_sub(1)).is_some_and(|w| GIVEN_NAME_HONORIFICS.contains(w));
        let beside_saying = [beside(index.checked_sub(1)), beside(Some(index + 1))]
            .into_iter()
            .flatten()
            .any(|w| SAYING.contains(w));
        if !(after_honorific || beside_saying && is_name_word(given.text)) || in_full_name(given) {
            continue;
        }
        let offsets = (text.char_offset(given.start), text.char_offset(given.end));
        let mut bearing = people
            .iter_mut()
            .filter(|p| p.name.split(' ').next() == Some(given.text));
        if let (Some(person), None) = (bearing.next(), bearing.next()) {
            if !person
                .mentions
                .iter()
                .any(|(s, e)| *s <= offsets.0 && offsets.1 <= *e)
            {
                person.mentions.push(offsets);
                person.mentions.sort_unstable();
            }
        }
    }
    merge_shorter_forms(&mut people);
    people.retain(|p| !domains.contains(&fold(&p.name)));
    let authors: BTreeSet<String> = authors.iter().map(|a| fold(a)).collect();
    people.retain(|p| !authors.contains(&fold(&p.name)) || p.mentions.len() > 1);
    people
}

/// A nickname inside a run of name words: its quotation as a byte range of the body, and the
/// indexes of its words, which are no part of the name.
struct HeldNickname {
    quoted: Range<usize>,
    words: Range<usize>,
}

/// Shorter forms of a fuller name are the same person, and their mentions are the fuller
/// name's: "Maria Cantwell" of "Sen. Maria Cantwell", "Haddad Maia" (a two-word surname, which
/// the surname rule alone would miss) of "Beatriz Haddad Maia".
fn merge_shorter_forms(people: &mut Vec<Person>) {
    let fuller_of = |shorter: &str, people: &[Person]| {
        // A surname opening with a particle takes a capital where it opens a sentence or follows
        // a verb: "disse De la Cruz" is "Nicolás de la Cruz".
        let in_running_text = shorter.split_once(' ').and_then(|(particle, rest)| {
            let lower = particle.to_lowercase();
            PARTICLES
                .contains(&lower)
                .then(|| format!("{lower} {rest}"))
        });
        people.iter().position(|other| {
            std::iter::once(shorter)
                .chain(in_running_text.as_deref())
                .any(|form| {
                    other
                        .name
                        .strip_suffix(form)
                        .is_some_and(|first_names| first_names.ends_with(' '))
                })
        })
    };
    let mut index = 0;
    while index < people.len() {
        let Some(fuller) = fuller_of(&people[index].name, people) else {
            index += 1;
            continue;
        };
        let shorter = people.remove(index);
        let fuller = if fuller > index { fuller - 1 } else { fuller };
        let person = &mut people[fuller];
        // A shorter form read inside the full name ("Maria Cantwell" in "Sen. Maria
        // Cantwell") is the same mention.
        let own: Vec<(usize, usize)> = shorter
            .mentions
            .into_iter()
            .filter(|&(start, end)| !person.mentions.iter().any(|&(s, e)| s <= start && end <= e))
            .collect();
        person.mentions.extend(own);
        person.mentions.sort_unstable();
        person.mentions.dedup();
        person.role = person.role.take().or(shorter.role);
    }
}

/// The last word of a full name.
fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or("")
}

/// The words a story may later use alone for a person: the surname, and in a name of three
/// words or more each capitalized word after the first, of three letters or more (alone, "Ng"
/// of "Tomás Ng Ferreira" is as often another word or person).
fn short_forms(name: &str) -> impl Iterator<Item = &str> {
    let words = name.split(' ').count();
    name.split(' ')
        .enumerate()
        .filter_map(move |(index, word)| {
            let surname = index == words - 1 && !is_regnal_numeral(word);
            let later = surname || index > 0 && words >= 3 && word.chars().count() > 2;
            (later && word.starts_with(char::is_uppercase)).then_some(word)
        })
}

/// Lower-case words that make an apposition a role: ", chief economist at Ridgeline Capital,".
static ROLE_NOUNS: WordList = WordList::new(&[
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "executive",
    "director",
    "governor",
    "mayor",
    "adviser",
    "advisor",
    "economist",
    "analyst",
    "meteorologist",
    "forecaster",
    "professor",
    "commander",
    "head",
    "officer",
    "secretary",
    "leader",
    "líder",
    "founder",
    "owner",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "manager",
    "researcher",
    "ambassador",
    "consul",
    "senator",
    "lawmaker",
    "legislator",
    "congressman",
    "congresswoman",
    "sénateur",
    "sénatrice",
    "senador",
    "senadora",
    "député",
    "députée",
    "diputado",
    "diputada",
    "deputado",
    "deputada",
    "abgeordnete",
    "abgeordneter",
    "cheffe",
    "lawyer",
    "presidente",
    "ministro",
    "ministra",
    "portavoz",
    "porta-voz",
    "diretor",
    "directora",
    "diretora",
    "alcalde",
    "comandante",
    "président",
    "présidente",
    "ministre",
    "porte-parole",
    "directeur",
    "directrice",
    "maire",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "vorsitzende",
    "vorsitzender",
    "leiter",
    "leiterin",
    "präsident",
    "präsidentin",
    "professorin",
    "economista",
    "analista",
    "investigador",
    "investigadora",
    "économiste",
    "analyste",
    "stratège",
    "estratega",
    "estrategista",
    "presidenta",
    "vicepresidente",
    "vicepresidenta",
    "vice-presidente",
    "canciller",
    "chanceler",
    "chancelier",
    "primeiro-ministro",
    "primeira-ministra",
    "secretario",
    "secretaria",
    "secretário",
    "secretária",
    "secrétaire",
    "gobernador",
    "gobernadora",
    "governador",
    "governadora",
    "gouverneur",
    "alcaldesa",
    "prefeito",
    "prefeita",
    "coach",
    "captain",
    "entrenador",
    "entrenadora",
    "técnico",
    "técnica",
    "capitán",
    "treinador",
    "treinadora",
    "capitão",
    "entraîneur",
    "entraîneuse",
    "sélectionneur",
    "sélectionneuse",
    "seleccionador",
    "seleccionadora",
    "selecionador",
    "selecionadora",
    "capitaine",
    "trainer",
    "trainerin",
    "kapitän",
    "jefe",
    "jefa",
    "chefe",
    "coroner",
    "sheriff",
    "bastonário",
    "bastonária",
    "bâtonnier",
    "decano",
    "coordinator",
    "coordinador",
    "coordinadora",
    "coordenador",
    "coordenadora",
    "coordinateur",
    "coordinatrice",
    "koordinator",
    "koordinatorin",
    "envoy",
    "enviado",
    "enviada",
    "envoyé",
    "envoyée",
    "negotiator",
    "representative",
    "commissioner",
    "commissaire",
    "comisario",
    "comisaria",
    "comissário",
    "comissária",
    "official",
    "administrator",
    "superintendent",
    "inspector",
    "prosecutor",
    "attorney",
    "judge",
    "juez",
    "jueza",
    "juiz",
    "juíza",
    "juge",
    "richter",
    "richterin",
    "editor",
    "correspondent",
    "scientist",
    "engineer",
    "ingeniero",
    "ingeniera",
    "ingénieur",
    "ingénieure",
    "engenheiro",
    "engenheira",
    "ingenieur",
    "ingenieurin",
    "delegado",
    "delegada",
    "strategist",
    "activist",
    "campaigner",
]);

/// Words that qualify a role before it: "deputy foreign minister", "former chief executive".
static ROLE_MODIFIERS: WordList = WordList::new(&[
    "deputy",
    "vice",
    "foreign",
    "former",
    "acting",
    "interim",
    "senior",
    "general",
    "first",
    "national",
    "security",
    "prime",
    "finance",
    "defence",
    "defense",
    "health",
    "economy",
    "interior",
    "energy",
    "trade",
    "labour",
    "labor",
    "transport",
    "agriculture",
    "justice",
    "press",
    "union",
    "company",
    "government",
    "state",
    "premier",
    "adjunto",
    "vice-",
    "primer",
    "primera",
    // The level, the field or the stage of an office: "regional head Ivan Fedorov", "EU
    // antitrust chief Teresa Ribera", "the outgoing prime minister Shigeru Ishiba".
    "regional",
    "provincial",
    "federal",
    "local",
    "city",
    "county",
    "top",
    "military",
    "antitrust",
    "competition",
    "climate",
    "environment",
    "education",
    "intelligence",
    "police",
    "civil",
    "protection",
    "emergency",
    "outgoing",
    "incoming",
]);

/// Words between a role and its domain: "Secretary of State", "ministre de la Transition".
static DOMAIN_CONNECTORS: WordList = WordList::new(&[
    "of", "de", "del", "da", "do", "dos", "das", "des", "du", "für",
]);

/// Articles after a domain connector: "Governor of the Bank of England", "de la République".
static DOMAIN_ARTICLES: WordList = WordList::new(&[
    "the", "la", "le", "les", "el", "los", "las", "a", "o", "os", "as",
]);

/// Words that carry a role's domain on after its first word, so that a name is not taken to
/// start with them: "Minister of Foreign Affairs Ana Costa", "Secretary of Homeland Security".
static PORTFOLIO_WORDS: WordList = WordList::new(&[
    "Affairs",
    "Intelligence",
    "Justice",
    "Education",
    "Commerce",
    "Treasury",
    "Transportation",
    "Housing",
    "Veterans",
    "Staff",
    "Exchequer",
    "Culture",
    "Tourism",
    "Science",
    "Technology",
    "Innovation",
    "Communications",
    "Information",
    "Infrastructure",
    "Planning",
    "Budget",
    "Revenue",
    "Customs",
    "Immigration",
    "Home",
    "Homeland",
    "Works",
    "Mines",
    "Fisheries",
    "Forestry",
    "Water",
    "Climate",
    "Welfare",
    "Pensions",
    "Equality",
    "Youth",
    "Family",
    "Investigation",
    "Police",
    "Cabinet",
    "Sports",
    "Security",
    "Services",
    "Resources",
    "Development",
    "Protection",
    "Relations",
    "Environment",
    "Exteriores",
    "Étrangères",
    "Estrangeiros",
    "Ambiente",
    "Social",
    "Sociales",
    "Sociais",
    "Pública",
    "Públicas",
    "Publique",
    "Publiques",
]);

fn is_portfolio_word(word: &str) -> bool {
    PORTFOLIO_WORDS.contains(word) || is_title(word) || NOT_PERSON_WORDS.contains(word)
}

/// What separates the words a role is read from: a space, or a paragraph break when the role
/// opens a paragraph. One byte each, so that a role's length adds up from its words'.
const WORD_BREAKS: [char; 2] = [' ', '\n'];

/// Where a role starts when `before_run` ends with an office and a connector to its domain, the
/// domain being the run that follows: "Secretary of ", "Former Minister of ",
/// "le président de la ". The office may be capitalized here, as titles are in this order.
fn role_start_before_domain(before_run: &str) -> Option<usize> {
    let mut text = before_run.strip_suffix(' ')?;
    let (rest, last) = text.rsplit_once(WORD_BREAKS)?;
    if DOMAIN_ARTICLES.contains(last) {
        text = rest;
    }
    let (rest, connector) = text.rsplit_once(WORD_BREAKS)?;
    if !DOMAIN_CONNECTORS.contains(connector) {
        return None;
    }
    let role = role_ending(rest, is_office)?;
    Some(rest.len() - role.len())
}

/// A role right before a name: in English order, a lower-case role noun with what qualifies it
/// ("Kremlin spokesman Dmitry Peskov", "deputy foreign minister Andrei Rudenko", "le Premier
/// ministre Gabriel Attal"); or a role noun, a connector and the role's domain ("le ministre de
/// l'Agriculture Marc Fesneau", "Governor of the Bank of England Andrew Bailey", "El ministro de
/// Agricultura, Luis Planas").
fn role_before(before_name: &str) -> Option<String> {
    let text = before_name.strip_suffix(' ')?;
    let is_role = |word: &str| is_role_noun(word) || ABBREVIATED_TITLES.contains(word);
    role_ending(text, is_role)
        .or_else(|| role_with_domain(text))
        .or_else(|| {
            // Romance languages put the nationality after the role, and other adjectives: "le
            // président sénégalais Bassirou Diomaye Faye", "O Presidente português, Marcelo
            // Rebelo de Sousa,", "El portavoz presidencial, Manuel Adorni,".
            let text = text.strip_suffix(',').unwrap_or(text);
            let (rest, adjective) = text.rsplit_once(' ')?;
            if !is_national_adjective(adjective) && !is_role_adjective(adjective) {
                return None;
            }
            let role = role_ending(rest, |word| is_role(word) || is_role(&word.to_lowercase()))?;
            Some(format!("{role} {adjective}"))
        })
}

/// Endings of the lower-case adjectives of nationality in French, Spanish and Portuguese
/// ("sénégalais", "malienne", "argentino", "española", "português", "brasileiro",
/// "costarricense"), which follow the role they qualify.
const NATIONAL_ENDINGS: &[&str] = &[
    "ais", "aise", "ien", "ienne", "éen", "éenne", "ain", "aine", "ois", "oise", "ano", "ana",
    "eño", "eña", "ino", "ina", "és", "ês", "esa", "ense", "eiro", "eira", "ico", "ica", "ese",
    "ol", "ola", "ique", "aque", "èque", "asque",
];

/// Whether a word reads as a lower-case adjective of nationality: letters only, five or more,
/// with one of the [`NATIONAL_ENDINGS`].
fn is_national_adjective(word: &str) -> bool {
    word.chars().count() >= 5
        && word.chars().all(char::is_lowercase)
        && NATIONAL_ENDINGS.iter().any(|ending| word.ends_with(ending))
}

/// Whether a capitalized word reads as a French nationality used as a noun: "Française",
/// "Néo-Zélandaise" (its last part decides), "Britanniques".
fn is_nationality_noun(word: &str) -> bool {
    let singular = |word: &str| {
        let last = word.rsplit('-').next().unwrap_or(word).to_lowercase();
        FRENCH_NATIONALITIES.contains(word)
            || word.starts_with(char::is_uppercase)
                && last.chars().count() >= 5
                && last.chars().all(char::is_alphabetic)
                && FRENCH_NATIONAL_ENDINGS
                    .iter()
                    .any(|ending| last.ends_with(ending))
    };
    // The plural names several: "les Britanniques John Smith et Ann Lee".
    singular(word) || word.strip_suffix('s').is_some_and(singular)
}

/// Whether the text between two runs joins them as items of one list: "and", "y", "e", "et" or
/// "und", maybe with an article after it.
fn joins_a_list(between: &str) -> bool {
    let mut words = between.split_whitespace();
    let conjunction = words.next().is_some_and(|w| CONJUNCTIONS.contains(w));
    let rest: Vec<&str> = words.collect();
    conjunction && (rest.is_empty() || rest.len() == 1 && DOMAIN_ARTICLES.contains(rest[0]))
}

/// Conjunctions that join two items, or open a clause that is no apposition: ", et la
/// présidente Iris Knobloch ont salué".
static CONJUNCTIONS: WordList = WordList::new(&[
    "and", "or", "but", "y", "pero", "et", "ou", "mais", "und", "oder", "aber", "e", "mas",
]);

/// Endings of the lower-case adjectives that follow a role in Romance order besides those of
/// nationality: "el portavoz presidencial", "el entrenador madridista", "le président sortant",
/// "o ministro interino", "le secrétaire exécutif".
const ROLE_ADJECTIVE_ENDINGS: &[&str] = &[
    "al", "ista", "ivo", "iva", "if", "ive", "ant", "ante", "ente", "aire", "ario", "aria", "ário",
    "ária",
];

/// Whether a word reads as a lower-case adjective after a role: letters only, six or more, with
/// one of the [`ROLE_ADJECTIVE_ENDINGS`].
fn is_role_adjective(word: &str) -> bool {
    word.chars().count() >= 6
        && word.chars().all(char::is_lowercase)
        && ROLE_ADJECTIVE_ENDINGS
            .iter()
            .any(|ending| word.ends_with(ending))
}

/// A role noun, or a compound with one ("présidente-directrice", "director-general").
pub(super) fn is_role_noun(word: &str) -> bool {
    ROLE_NOUNS.contains(word)
        // Spanish joins "ex" to the role: "el expresidente Rafael Correa", "la exministra".
        || word
            .strip_prefix("ex")
            .is_some_and(|role| role.len() > 3 && ROLE_NOUNS.contains(role))
        || word.contains('-')
            && word
                .split('-')
                .all(|part| !part.is_empty() && part.chars().all(char::is_alphabetic))
            && word.split('-').any(|part| ROLE_NOUNS.contains(part))
}

/// Titles printed abbreviated before a name, which are its role ("Gov. Brian Kemp", "Lt. Gov.
/// Burt Jones"); courtesy titles (Mr., Mme) are not roles. The tokenizer leaves the full stop
/// out of a word, so the title and the name are two runs and the title is read before the name.
static ABBREVIATED_TITLES: WordList = WordList::new(&[
    "Gov.", "Sen.", "Rep.", "Lt.", "Gen.", "Col.", "Capt.", "Sgt.", "Dr.", "Prof.", "Adm.", "Maj.",
    "Cmdr.", "Atty.", "Supt.", "Insp.", "Det.", "Amb.", "Pres.", "Sec.", "Cpl.", "Pvt.", "Ofc.",
    "Spc.", "Brig.",
]);

/// The role a text ends with when its last word `is_role_noun`, with the words before it that
/// qualify it.
fn role_ending(text: &str, is_role_noun: impl Fn(&str) -> bool) -> Option<String> {
    let words: Vec<&str> = text.rsplit(WORD_BREAKS).take(5).collect();
    let last = *words.first()?;
    // "a réagi l'entraîneur Luis Enrique": the elided article opens the role.
    if let Some(noun) = after_elision(last) {
        return is_role_noun(noun).then(|| noun.to_owned());
    }
    if !is_role_noun(last) {
        return None;
    }
    let mut taken = 1;
    while let Some(word) = words.get(taken) {
        let qualifies = ROLE_MODIFIERS.contains(word.to_lowercase().as_str())
            || ROLE_NOUNS.contains(word)
            || ABBREVIATED_TITLES.contains(word)
            || (word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().all(|c| c.is_alphabetic() || c == '-')
                && !OPENERS.contains(word)
                && !SENTENCE_ADVERBS.contains(word)
                // "Son porte-parole, Dominique Fochi": a possessive opening the sentence
                // determines the role as it does inside one.
                && !POSSESSIVES.contains(&word.to_lowercase()));
        if !qualifies {
            break;
        }
        taken += 1;
    }
    let length: usize = words[..taken].iter().map(|w| w.len()).sum::<usize>() + taken - 1;
    Some(text[text.len() - length..].to_owned())
}

/// A role the text ends with in the order "<office> <connector> <domain>": the domain is at most
/// six words, capitalized ones with the connectors and articles between them, and one
/// lower-case adjective after a capitalized word that an article or connector introduces ("la
/// Transition écologique"; not "Antony Blinken said"). A comma may close it, as an apposition
/// before the name.
fn role_with_domain(text: &str) -> Option<String> {
    const MOST: usize = 9;
    let text = text.strip_suffix(',').unwrap_or(text);
    // The last words, last first, on the stack: this is asked before most names.
    let mut words = [""; MOST];
    let mut count = 0;
    for (slot, word) in words.iter_mut().zip(text.rsplit(WORD_BREAKS)) {
        *slot = word;
        count += 1;
    }
    let words = &words[..count];
    let capitalized = |word: &str| {
        let word = after_elision(word).unwrap_or(word);
        word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    let introduces =
        |word: &str| DOMAIN_ARTICLES.contains(word) || DOMAIN_CONNECTORS.contains(word);
    let mut adjective_seen = false;
    let mut length = 0;
    for (index, &word) in words.iter().enumerate().take(7) {
        // A conjunction right before the name joins it to the role's holder: "la ministra de
        // Cultura y Ana Beltrán" are two.
        if index == 0 && CONJUNCTIONS.contains(word) {
            return None;
        }
        length += word.len() + usize::from(index > 0);
        if DOMAIN_CONNECTORS.contains(word) && index > 0 {
            let rest = &text[..text.len() - length];
            let role = rest.strip_suffix(WORD_BREAKS).and_then(|rest| {
                role_ending(rest, is_office).or_else(|| {
                    // An adjective between the office and its domain: "el director general de
                    // la OMS", "la directora gerente del FMI".
                    let (office, adjective) = rest
                        .rsplit_once(WORD_BREAKS)
                        .filter(|(_, adjective)| is_role_adjective(adjective))?;
                    let role = role_ending(office, is_office)?;
                    Some(format!("{role} {adjective}"))
                })
            });
            if let Some(role) = role {
                return Some(text[text.len() - length - 1 - role.len()..].to_owned());
            }
            continue;
        }
        let adjective = || {
            !adjective_seen
                && !word.is_empty()
                && word.chars().all(char::is_alphabetic)
                && words.get(index + 1).is_some_and(|&before| {
                    after_elision(before).is_some_and(capitalized)
                        || capitalized(before)
                            && words
                                .get(index + 2)
                                .is_some_and(|&article| introduces(article))
                })
        };
        if capitalized(word) || DOMAIN_ARTICLES.contains(word) {
            // A domain word.
        } else if adjective() {
            adjective_seen = true;
        } else {
            return None;
        }
        if index == 6 {
            return None;
        }
    }
    None
}

/// A French word after its elided article or preposition: `l’Intérieur` → `Intérieur`.
fn after_elision(word: &str) -> Option<&str> {
    // An elision is ASCII letters and an apostrophe: its length is the same in lower case
    // ("L'entraîneur" opening a sentence).
    let head: String = word.chars().take(4).flat_map(char::to_lowercase).collect();
    match super::keywords::elision_length(&head) {
        0 => None,
        length => Some(&word[length..]),
    }
}

/// A role that a name stands in apposition to, between commas (or a comma and the sentence's
/// end), after an article or a possessive: "O primeiro-ministro, Luís Montenegro, disse", "Its
/// executive director, Andrea Young, said", "a annoncé sa présidente-directrice, Laurence des
/// Cars.". Both marks are asked for: in "asked about the minister, Ana Costa said" the name is
/// not the minister.
fn enclosing_role(before_name: &str, after_name: &str) -> Option<String> {
    if !after_name.starts_with([',', '.', ';']) {
        return None;
    }
    let text = without_parentheses(before_name.strip_suffix(", ")?);
    let role = role_ending(text, is_role_noun).or_else(|| role_of_something(text))?;
    let determines = |word: &str| {
        let lower = word.to_lowercase();
        // A possessive determines as "its" does: "Zambia's health minister, Sylvia Masebo,",
        // "the union's leader, Ana Ruiz,".
        DOMAIN_ARTICLES.contains(&lower)
            || GERMAN_DETERMINERS.contains(&lower)
            || POSSESSIVES.contains(&lower)
            || without_possessive(word).len() < word.len()
    };
    let word_before = |at: usize| {
        let before = text[..at].strip_suffix(WORD_BREAKS)?;
        let word = before.rsplit(WORD_BREAKS).next()?;
        Some((before.len() - word.len(), word))
    };
    let (qualifier_start, word) = word_before(text.len() - role.len())?;
    if determines(word) {
        return Some(role);
    }
    // One lower-case word between the determiner and the role qualifies the role: "Denmark's
    // business minister, Morten Bodskov,".
    if word.is_empty() || !word.chars().all(char::is_lowercase) {
        return None;
    }
    let (_, determiner) = word_before(qualifier_start)?;
    determines(determiner).then(|| text[qualifier_start..].to_owned())
}

/// The text without a few words in parentheses that close it, an abbreviation, a place or an
/// aside: "El director de la Comisión Nacional del Agua (Conagua)" is the role of the domain
/// before it. A longer remark ("(según fuentes oficiales)") stays, and the role is not taken.
fn without_parentheses(text: &str) -> &str {
    const LONGEST: usize = 16;
    let Some(inside) = text.strip_suffix(')') else {
        return text;
    };
    let Some(open) = inside.rfind('(') else {
        return text;
    };
    if inside.len() - open <= LONGEST {
        inside[..open].trim_end()
    } else {
        text
    }
}

/// A role with what it is the role of, in lower case or not, ending the clause before an
/// apposed name: "the head of the union", "Le président du groupe LR à l'Assemblée", "El jefe
/// de la delegación gubernamental", "Der Chef der Gewerkschaft", "le directeur général de
/// l'agence". Where `role_with_domain` reads a domain of capitalized words before any name, this
/// reads only between a determiner and the comma before a name, so the words between may be any.
fn role_of_something(text: &str) -> Option<String> {
    const MOST_WORDS: usize = 9;
    let clause_start = text
        .rfind([',', ';', ':', '.', '“', '"', '«', '(', '—'])
        .map_or(0, |at| {
            at + text[at..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = &text[clause_start..];
    let words: Vec<(usize, &str)> = crate::story::text::word_spans(clause)
        .into_iter()
        .map(|(start, end)| (start, &clause[start..end]))
        .collect();
    let is_of = |word: &str| {
        DOMAIN_CONNECTORS.contains(word)
            || matches!(
                word,
                "der" | "von" | "vom" | "at" | "for" | "au" | "aux" | "à"
            )
    };
    words
        .iter()
        .enumerate()
        .skip(1)
        .find_map(|(index, &(at, role))| {
            // One adjective may stand between the role and its connector: "le directeur
            // général de l'agence", "la ministre française de la Transition écologique", "le
            // commissaire européen au climat".
            let after = words.get(index + 1)?.1;
            let qualifies = || is_role_adjective(after) || is_national_adjective(after);
            let of =
                is_of(after) || qualifies() && words.get(index + 2).is_some_and(|&(_, w)| is_of(w));
            (of && words.len() - index <= MOST_WORDS && is_role_noun(&role.to_lowercase()))
                .then(|| clause[at..].to_owned())
        })
}

/// Possessive determiners, which introduce an apposition as an article does ("its executive
/// director, Andrea Young,"); so does a name's possessive.
static POSSESSIVES: WordList = WordList::new(&[
    "its", "his", "her", "their", "our", "su", "sus", "sa", "son", "ses", "leur", "seu", "sua",
    "sein", "seine", "seiner", "ihr", "ihre", "ihrer",
]);

/// Indefinite articles in the five languages, which open an apposition but not the role in it.
static INDEFINITE_ARTICLES: WordList = WordList::new(&[
    "a", "an", "un", "una", "une", "um", "uma", "ein", "eine", "einer",
]);

/// The role in an apposition right after a name: `, chief economist at Ridgeline Capital,` →
/// "chief economist at Ridgeline Capital". Only a short phrase that opens in lower case (or with
/// an article) and names a role counts.
fn apposition_role(after_name: &str) -> Option<String> {
    let rest = after_name.strip_prefix(", ")?;
    let end = rest.find([',', '.', ';', ':', '(', ')', '“', '"', '«'])?;
    let phrase = rest[..end].trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    // A clause, not a role, when it opens with a verb of saying: "el partido del expresidente
    // Rafael Correa, informó la presidenta del CNE, Diana Atamaint".
    let opens_lower = words.first().is_some_and(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && !CONJUNCTIONS.contains(w)
            && !SAYING.contains(w)
    });
    let names_role = words
        .iter()
        .any(|w| ROLE_NOUNS.contains(w.to_lowercase().as_str()));
    if !(opens_lower && names_role && (2..=9).contains(&words.len())) {
        return None;
    }
    // The indefinite article is the sentence's, not the role's: ", a governance analyst".
    let role = match phrase.split_once(' ') {
        Some((article, role)) if INDEFINITE_ARTICLES.contains(article) => role,
        _ => phrase,
    };
    Some(role.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_title_suffix_fits_the_tail_compared() {
        assert!(TITLE_SUFFIXES
            .iter()
            .all(|suffix| suffix.len() <= TITLE_TAIL));
    }

    proptest::proptest! {
        /// Titles' endings are compared in place for ASCII words; the answer is the lower-cased
        /// word's.
        #[test]
        fn an_ending_compares_as_the_lower_cased_word_does(
            word in crate::story::text::text_of_pieces(
                vec!["Vize", "PRÄ", "Präs", "ident", "IDENT", "minister", "MINISTER", "in", "Ä", "İ", "a"],
                5,
            ),
        ) {
            let lower = word.to_lowercase();
            proptest::prop_assert_eq!(
                has_title_suffix(&word),
                TITLE_SUFFIXES.iter().any(|suffix| lower.ends_with(suffix))
            );
        }
    }

    fn names(body: &str) -> Vec<String> {
        find_people(&Text::new(body), &[], &[], &[], None)
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn a_later_two_word_surname_is_a_mention_of_the_full_name() {
        let body = "La brasileña Beatriz Haddad Maia ganó. \"Estoy feliz\", dijo Haddad Maia tras el partido.";
        let people = find_people(&Text::new(body), &[], &[], &[], None);
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Beatriz Haddad Maia");
        assert_eq!(people[0].mentions, [(13, 32), (59, 70)]);
    }

    #[test]
    fn a_particle_before_an_organisations_name_ends_the_persons() {
        assert_eq!(
            names("Analyst Jonas Kessler von der Nordmark Bank sprach von einem Signal. Ursula von der Leyen schwieg."),
            ["Jonas Kessler", "Ursula von der Leyen"]
        );
    }

    #[test]
    fn a_surname_with_a_particle_capitalized_is_a_mention_of_the_full_name() {
        let body = "O clube contratou Tomás de la Vega. \"Vim para ganhar\", disse De la Vega.";
        let people = find_people(&Text::new(body), &[], &[], &[], None);
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Tomás de la Vega");
        assert_eq!(people[0].mentions.len(), 2);
    }

    #[test]
    fn a_surname_inside_an_organisations_name_is_the_organisations() {
        let body =
            "Lo dijo Rafael Castilla, portavoz regional. La Junta de Castilla y León respondió.";
        let text = Text::new(body);
        let organisations =
            crate::story::enrich::organisations::find_organisations(&text, &[], None);
        let people = find_people(&text, &[], &organisations, &[], None);
        let castilla = people
            .iter()
            .find(|p| p.name == "Rafael Castilla")
            .expect("Rafael Castilla");
        assert_eq!(castilla.mentions.len(), 1, "{people:?}");
    }

    #[test]
    fn a_name_after_near_or_outside_is_a_place() {
        assert!(names("The storm made landfall near Quy Nhon on Friday.").is_empty());
        assert_eq!(
            names("Crowds gathered outside Keir Starmer's office."),
            ["Keir Starmer"]
        );
    }

    #[test]
    fn a_possessive_opening_the_sentence_determines_the_role() {
        assert_eq!(
            names_and_roles("Le parti a appelé au calme. Son porte-parole, Marc Tavenel, a parlé. Le haut-commissaire de la République, Louis Vautrin, a indiqué la suite."),
            pairs(&[
                ("Marc Tavenel", Some("porte-parole")),
                ("Louis Vautrin", Some("haut-commissaire de la République"))
            ])
        );
    }

    #[test]
    fn regions_and_towers_are_no_people() {
        assert!(
            names("Members in the Pacific Northwest backed it, at the Torre Ejecutiva.").is_empty()
        );
    }

    #[test]
    fn a_clause_after_a_name_is_no_role() {
        assert_eq!(
            names_and_roles("los 58 del partido del expresidente Rafael Tamayo, informó la presidenta del CNE, Diana Ortega."),
            pairs(&[
                ("Rafael Tamayo", Some("expresidente")),
                ("Diana Ortega", Some("presidenta del CNE"))
            ])
        );
        assert_eq!(
            names_and_roles(
                "los 58 del partido de Rafael Tamayo, informó la presidenta del CNE, Diana Ortega."
            ),
            pairs(&[
                ("Rafael Tamayo", None),
                ("Diana Ortega", Some("presidenta del CNE"))
            ])
        );
    }

    #[test]
    fn a_plural_of_nationality_is_no_surname() {
        assert_eq!(
            names("They included four Russians and two South Koreans, said Tom Evans."),
            ["Tom Evans"]
        );
    }

    #[test]
    fn a_given_name_that_also_ends_a_bills_name_opens_a_persons() {
        assert_eq!(
            names("Bill Tavener spoke. The Online Safety Bill passed, said Forest Quillan, and Bill de Vries agreed."),
            ["Bill Tavener", "Forest Quillan", "Bill de Vries"]
        );
    }

    #[test]
    fn a_name_after_a_venue_noun_is_the_venue() {
        assert_eq!(
            names("Ayer ganó Ana Ruiz en la pista Suzanne Lenglen y en el autódromo Hermanos Rodríguez, junto al embalse de Paso Severino. El estadio donde Marta Vidal jugó es el estadio olímpico Lluís Companys."),
            ["Ana Ruiz", "Marta Vidal"]
        );
    }

    #[test]
    fn storms_events_headlands_and_parties_named_in_the_plural_are_no_people() {
        for body in [
            "Then Storm Ciarán hit the coast.",
            "Gusts reached Pointe du Raz overnight.",
            "Fans flew in for Super Bowl week.",
            "Leaders of the Christian Democrats met.",
            "Tourists flocked to Victoria Falls again.",
        ] {
            assert!(names(body).is_empty(), "{body}: {:?}", names(body));
        }
    }

    #[test]
    fn names_with_titles_stripped_and_surnames_resolved() {
        let body = "Guatemalan President Bernardo Arévalo told investors on Saturday. Arévalo said the ports would change, and Lucía Barrios Sandoval agreed.";
        let people = find_people(&Text::new(body), &[], &[], &[], None);
        let arevalo = people
            .iter()
            .find(|p| p.name == "Bernardo Arévalo")
            .expect("Arévalo");
        assert_eq!(arevalo.mentions.len(), 2);
        assert_eq!(arevalo.role.as_deref(), Some("Guatemalan President"));
        assert!(people.iter().any(|p| p.name == "Lucía Barrios Sandoval"));
    }

    #[test]
    fn an_adverb_that_opens_the_sentence_is_no_part_of_the_name_after_it() {
        let body = "It is grave. Even Keir Starmer agreed. Auch Catherine Colonna kam. Incluso \
                    Pedro Sánchez vino. Até Luís Montenegro veio.";
        assert_eq!(
            names(body),
            [
                "Keir Starmer",
                "Catherine Colonna",
                "Pedro Sánchez",
                "Luís Montenegro"
            ]
        );
        // Inside a sentence the word is part of the name.
        assert_eq!(names("He met Just Ingo Berg."), ["Just Ingo Berg"]);
    }

    #[test]
    fn organisations_days_and_openers_are_not_people() {
        let found = names("The Senate Commerce Committee met on Tuesday. The Transportation Department said No. Airlines for America disagreed.");
        assert!(found.is_empty(), "{found:?}");
        // Parts of a country, and departments and funds named like people.
        let found = names("Centres opened in the Western Division and along the Coral Coast. Natural Resources Canada said Norges Bank Investment Management agreed. The Africa Centres for Disease Control and Prevention met.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn roles_in_apposition() {
        let people = find_people(
            &Text::new("“Rates will stay high,” said Nora Castellanos, chief economist at Ridgeline Capital, on Friday."),
            &[],
            &[],
            &[],
            None,
        );
        assert_eq!(
            people[0].role.as_deref(),
            Some("chief economist at Ridgeline Capital")
        );
        // The indefinite article opens the apposition, not the role.
        assert_eq!(
            names_and_roles("“It is a contest,” said Nerima Wako-Ojiwa, a governance analyst. Ana Ruiz, una economista del banco, habló. Pedro Gil, a Cuban economist at the university, agreed."),
            pairs(&[
                ("Nerima Wako-Ojiwa", Some("governance analyst")),
                ("Ana Ruiz", Some("economista del banco")),
                ("Pedro Gil", Some("Cuban economist at the university")),
            ])
        );
        // Officials named by what they coordinate, represent or judge.
        assert_eq!(
            names_and_roles("“Civilians are trapped,” said Clementine Nkweta-Salami, the UN’s humanitarian coordinator for Sudan. Omar Idris, a senior official at the ministry, agreed. A jueza, Lucía Paz, falló."),
            pairs(&[
                ("Clementine Nkweta-Salami", Some("the UN’s humanitarian coordinator for Sudan")),
                ("Omar Idris", Some("senior official at the ministry")),
                ("Lucía Paz", Some("jueza")),
            ])
        );
    }

    #[test]
    fn sovereigns_keep_their_numeral_and_hyphenated_titles_are_roles() {
        assert_eq!(
            names_and_roles("Nadal watched with King Felipe VI of Spain. Pope Leo XIV prayed. UN Secretary-General António Guterres and WHO Director-General Tedros Adhanom Ghebreyesus attended."),
            pairs(&[
                ("Felipe VI", Some("King")),
                ("Leo XIV", Some("Pope")),
                ("António Guterres", Some("UN Secretary-General")),
                ("Tedros Adhanom Ghebreyesus", Some("WHO Director-General")),
            ])
        );
        // Without a sovereign's title, a numeral makes no name: `Title IX` is a law.
        assert_eq!(names("Title IX cases rose, said Ana Ruiz."), ["Ana Ruiz"]);
        // A sovereign known by one name keeps the title in it, and the name alone later is a
        // mention; any other title before one word makes no name.
        let people = find_people(
            &Text::new(
                "Pope Francis spoke. Francis prayed. King Abdullah listened. Minister Ruiz left.",
            ),
            &[],
            &[],
            &[],
            None,
        );
        let found: Vec<(&str, usize)> = people
            .iter()
            .map(|p| (p.name.as_str(), p.mentions.len()))
            .collect();
        assert_eq!(found, [("Pope Francis", 2), ("King Abdullah", 1)]);
    }

    #[test]
    fn a_role_after_an_elided_article_is_read_whatever_its_case() {
        for (body, role) in [
            ("Hier a réagi l'entraîneur Luis Enrique.", "entraîneur"),
            (
                "L'entraîneur brestois Éric Roy a reconnu la défaite.",
                "entraîneur brestois",
            ),
        ] {
            let people = find_people(&Text::new(body), &[], &[], &[], Some("fr"));
            assert_eq!(people.len(), 1, "{body}: {people:?}");
            assert_eq!(people[0].role.as_deref(), Some(role), "{body}");
        }
    }

    #[test]
    fn a_compound_role_in_german_is_no_part_of_the_name() {
        for (body, role) in [
            (
                "Das sagte Commerzbank-Chefvolkswirt Jörg Krämer am Montag.",
                "Commerzbank-Chefvolkswirt",
            ),
            (
                "Das sagte IG-Metall-Verhandlungsführer Thorsten Gröger.",
                "IG-Metall-Verhandlungsführer",
            ),
        ] {
            let people = find_people(&Text::new(body), &[], &[], &[], Some("de"));
            assert_eq!(people.len(), 1, "{people:?}");
            assert_eq!(people[0].role.as_deref(), Some(role), "{body}");
            assert!(!people[0].name.contains('-'), "{people:?}");
        }
    }

    #[test]
    fn a_local_title_after_a_place_the_story_names_is_a_role() {
        let body = "Los Angeles County Supervisor Kathryn Barger spoke in Los Angeles.";
        let los_angeles = Place::named("Los Angeles");
        let people = find_people(&Text::new(body), &[los_angeles], &[], &[], None);
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Kathryn Barger");
        assert_eq!(
            people[0].role.as_deref(),
            Some("Los Angeles County Supervisor")
        );
    }

    #[test]
    fn roles_before_names() {
        let people = find_people(
            &Text::new("The Kremlin spokesman Dmitry Peskov spoke, and deputy foreign minister Andrei Rudenko agreed.\n\nHarbour spokeswoman Ines Vaz disagreed."),
            &[],
            &[],
            &[],
            None,
        );
        let roles: Vec<Option<&str>> = people.iter().map(|p| p.role.as_deref()).collect();
        assert_eq!(
            roles,
            vec![
                Some("Kremlin spokesman"),
                Some("deputy foreign minister"),
                // A role that opens a paragraph.
                Some("Harbour spokeswoman")
            ]
        );
    }

    #[test]
    fn an_abbreviated_title_before_a_name_is_the_role_but_a_courtesy_title_is_not() {
        assert_eq!(
            names_and_roles("The bill passed in June. Gov. Lena Moreau signed it, and Ohio Sen. Tom Brandt and Lt. Gov. Rui Lopes Vaz praised it. Mr. Omar Said did not, nor did Mme Claire Dubois or Joe Kennedy Sr."),
            pairs(&[
                ("Lena Moreau", Some("Gov.")),
                ("Tom Brandt", Some("Ohio Sen.")),
                ("Rui Lopes Vaz", Some("Lt. Gov.")),
                ("Omar Said", None),
                ("Claire Dubois", None),
                // "Sr" after a name is Senior, part of it.
                ("Joe Kennedy Sr", None),
            ])
        );
    }

    #[test]
    fn a_capitalized_office_before_a_name_is_its_title() {
        assert_eq!(
            names_and_roles("A man died, Lexington County Coroner Margaret Fisher said. House Speaker Mike Johnson and Sheriff Leon Lott spoke."),
            pairs(&[
                ("Margaret Fisher", Some("Lexington County Coroner")),
                ("Mike Johnson", Some("House Speaker")),
                ("Leon Lott", Some("Sheriff")),
            ])
        );
        // A role in lower case before the title is part of it.
        assert_eq!(
            names_and_roles("\"It was blatant,\" coast guard spokesperson Commodore Jay Tarriela told reporters."),
            pairs(&[("Jay Tarriela", Some("spokesperson Commodore"))])
        );
    }

    #[test]
    fn a_possessive_introduces_an_apposition_and_the_sentence_may_close_it() {
        assert_eq!(
            names_and_roles("The union welcomed it. Its executive director, Tara Quinn, spoke. Le musée a rouvert, a dit sa présidente-directrice, Claire Morel. Asked about her lawyer, Ana Costa said nothing. Kenya’s health minister, Susan Nakhumicha, agreed."),
            pairs(&[
                ("Tara Quinn", Some("executive director")),
                // A compound role noun.
                ("Claire Morel", Some("présidente-directrice")),
                ("Ana Costa", None),
                ("Susan Nakhumicha", Some("health minister")),
            ])
        );
    }

    #[test]
    fn french_particles_join_a_name_and_the_surname_after_a_courtesy_title_is_a_mention() {
        let text = Text::new("Le musée est dirigé par Hélène du Pont et Marc des Rives. Mme du Pont a confirmé, puis M. des Rives.");
        let people = find_people(&text, &[], &[], &[], Some("fr"));
        let found: Vec<(&str, usize)> = people
            .iter()
            .map(|p| (p.name.as_str(), p.mentions.len()))
            .collect();
        assert_eq!(found, vec![("Hélène du Pont", 2), ("Marc des Rives", 2)]);
    }

    #[test]
    fn a_later_word_of_a_long_name_alone_is_a_mention() {
        let text = Text::new("O presidente Rui Lopes Vaz da Costa falou, e José Manuel Ferro também. Lopes disse que sim; Manuel Rivas não. Tomás Ng Ferreira chegou; mais tarde, Ng. Depois Vaz saiu.");
        let people = find_people(&text, &[], &[], &[], None);
        let mentioned = |name: &str| -> Vec<&str> {
            let person = people.iter().find(|p| p.name == name).expect(name);
            person
                .mentions
                .iter()
                .map(|&(start, end)| &text.body()[text.byte_offset(start)..text.byte_offset(end)])
                .collect()
        };
        // "Lopes" and "Vaz" alone are Rui Lopes Vaz da Costa; "Manuel" inside another name is
        // nobody's, and a word of two letters is no short form.
        assert_eq!(
            mentioned("Rui Lopes Vaz da Costa"),
            vec!["Rui Lopes Vaz da Costa", "Lopes", "Vaz"]
        );
        assert_eq!(mentioned("José Manuel Ferro"), vec!["José Manuel Ferro"]);
        assert_eq!(mentioned("Tomás Ng Ferreira"), vec!["Tomás Ng Ferreira"]);
    }

    #[test]
    fn clubs_channels_and_bodies_named_like_people_are_not_people() {
        assert_eq!(
            names("Cody Gakpo scored as Leeds United beat Bristol City and Borussia Dortmund, Sky Sports said. The First Amendment and the U.S. Geological Survey agreed. Según la Defensoría del Pueblo y las Naciones Unidas, Ana Ruiz Ortega huyó. Na Concertação Social, Rui Vaz falou. Sharkey County and Orleans Parish said so."),
            ["Cody Gakpo", "Ana Ruiz Ortega", "Rui Vaz"]
        );
    }

    #[test]
    fn competitions_measures_and_institutions_named_in_plural_nouns_are_not_people() {
        assert_eq!(
            names("Milan fell to the Ligue Europa, and Bayern Munich lost. O Produto Interno Bruto cresceu, disse Rui Vaz. Los Centros para el Control y la Prevención de Enfermedades de África lo confirmaron a Ana Ruiz."),
            ["Rui Vaz", "Ana Ruiz"]
        );
    }

    #[test]
    fn an_adjective_made_with_a_hyphen_is_no_name() {
        assert_eq!(
            names("The Republican-controlled Legislature passed it. Kremlin-backed Viktor Medvedchuk and Anne-Marie Trevelyan spoke."),
            ["Viktor Medvedchuk", "Anne-Marie Trevelyan"]
        );
    }

    #[test]
    fn a_preposition_that_opens_a_sentence_is_no_part_of_a_name() {
        assert_eq!(
            names("Sobre Ana Ruiz pesa una acusación. Chez Marc Dubois, rien ne change."),
            ["Ana Ruiz", "Marc Dubois"]
        );
    }

    #[test]
    fn a_surname_with_the_arabic_article_continues_a_name_but_opens_none() {
        assert_eq!(
            names("Le président du PSG, Nasser al-Khelaïfi, a salué les joueurs. Abdel Fattah el-Sisi a parlé, et al-Shabaab Kenya a revendiqué."),
            ["Nasser al-Khelaïfi", "Abdel Fattah el-Sisi"]
        );
    }

    #[test]
    fn venues_landmarks_and_events_are_not_people() {
        assert_eq!(
            names_and_roles("Lena Moreau won the Dubai Open at Hamdan Stadium. Fans met at the Musée de Cluny, the Gare de Lyon and the Estadio Ramón Sánchez, then saw Omar Said at the Palais Garnier. Ganó la Copa Libertadores y habló con Globo Plus; el entrenador Luis Duarte y la Real Sociedad Hípica callaron. Sharkey County coroner Angela Mitchell agreed. Le sélectionneur Paul Vidal a salué les All Blacks."),
            pairs(&[
                ("Lena Moreau", None),
                ("Omar Said", None),
                // A coach's role, in any of the five languages.
                ("Luis Duarte", Some("entrenador")),
                ("Angela Mitchell", Some("Sharkey County coroner")),
                ("Paul Vidal", Some("sélectionneur")),
            ])
        );
    }

    #[test]
    fn stock_indices_are_not_people() {
        assert_eq!(
            names_and_roles("The Nasdaq Composite fell and the Dow Jones Industrial Average rose, said Ana Lima."),
            pairs(&[("Ana Lima", None)])
        );
    }

    #[test]
    fn a_facility_named_after_a_person_is_no_mention_of_them() {
        assert_eq!(
            names_and_roles("O aeroporto Salgado Filho fechou e la central Antonio Guiteras paró, disse Ana Lima."),
            pairs(&[("Ana Lima", None)])
        );
        assert_eq!(
            names_and_roles("Units of the Antonio Guiteras thermoelectric plant failed, and the Ana Costa hospital closed, as did trains on the Tamaki Kairo line. The Joe Harlan administration and Maria Rivas's plant were not affected. Storms hit Tarvia's Long Reach area, and the Elevador da Penha stopped."),
            pairs(&[("Joe Harlan", None), ("Maria Rivas", None)])
        );
    }

    #[test]
    fn a_venue_after_the_is_no_person_though_its_last_word_is_a_surname() {
        assert_eq!(
            names("Carlos Alcaraz won at the Accor Arena in Bercy, and Bruce Arena said the Royal Albert Hall was full."),
            ["Carlos Alcaraz", "Bruce Arena"]
        );
    }

    #[test]
    fn a_role_keeps_the_words_of_its_level_and_field() {
        assert_eq!(
            names_and_roles("Missiles fell, regional head Ivan Fedorov said. EU antitrust chief Teresa Ribera spoke. The outgoing prime minister Shigeru Ishiba resigned."),
            pairs(&[
                ("Ivan Fedorov", Some("regional head")),
                ("Teresa Ribera", Some("EU antitrust chief")),
                ("Shigeru Ishiba", Some("outgoing prime minister")),
            ])
        );
        assert_eq!(
            names_and_roles("Civil protection chief Fabio Ciciliano spoke, said Environment Canada meteorologist Gerald Cheng."),
            pairs(&[
                ("Fabio Ciciliano", Some("Civil protection chief")),
                ("Gerald Cheng", Some("Environment Canada meteorologist")),
            ])
        );
    }

    #[test]
    fn a_middle_initial_belongs_to_the_name() {
        assert_eq!(
            names_and_roles("Health Secretary Robert F. Kennedy Jr. spoke, and Michael J. Fox listened. Take vitamin D. The study by Ana Costa and Ana Ruiz on Hepatitis B. The virus spread."),
            pairs(&[
                ("Robert F. Kennedy Jr", Some("Health Secretary")),
                ("Michael J. Fox", None),
                ("Ana Costa", None),
                ("Ana Ruiz", None),
            ])
        );
        assert_eq!(
            names_and_roles("U.S. Attorney Alina Habba said the case was closed."),
            pairs(&[("Alina Habba", Some("Attorney"))])
        );
    }

    #[test]
    fn a_profession_in_the_plural_opens_no_name() {
        assert_eq!(
            names_and_roles("Economistas do Itaú Unibanco preveem um corte, disse Ana Lima. Os Analistas Independentes discordam. Les Économistes Atterrés doutent, dit Paul Roux."),
            pairs(&[("Ana Lima", None), ("Paul Roux", None)])
        );
    }

    #[test]
    fn the_state_and_its_budget_are_no_person() {
        assert_eq!(
            names("O Orçamento do Estado foi aprovado e o Orçamento Retificativo também, anunciou Joaquim Miranda Sarmento."),
            ["Joaquim Miranda Sarmento"]
        );
    }

    fn names_and_roles(body: &str) -> Vec<(String, Option<String>)> {
        let text = Text::new(body);
        let organisations =
            crate::story::enrich::organisations::find_organisations(&text, &[], None);
        find_people(&text, &[], &organisations, &[], None)
            .into_iter()
            .map(|p| (p.name, p.role))
            .collect()
    }

    fn pairs(expected: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
        expected
            .iter()
            .map(|(name, role)| ((*name).to_owned(), role.map(str::to_owned)))
            .collect()
    }

    #[test]
    fn a_roles_domain_a_title_a_venue_and_a_nationality_are_no_names() {
        assert_eq!(
            names_and_roles("The ruling Georgian Dream party won. Georgian Dream has votes. A ministra do Meio Ambiente e Mudança do Clima, Marina Silva, falou. O Presidente Luiz Inácio Lula da Silva abriu a Conferência sobre Mudança do Clima. Le délégué général, Thierry Frémaux, et la présidente Iris Knobloch ont salué le film « Lady Bird » de la Française Justine Triet au stade Pierre Mauroy."),
            pairs(&[
                ("Marina Silva", Some("ministra do Meio Ambiente e Mudança do Clima")),
                ("Luiz Inácio Lula da Silva", Some("Presidente")),
                ("Thierry Frémaux", None),
                ("Iris Knobloch", Some("présidente")),
                ("Justine Triet", None),
            ])
        );
    }

    #[test]
    fn a_possessive_ends_a_name() {
        assert_eq!(
            names_and_roles("Prime Minister Arun Mehra's Lok Vikas Party won, and the LVP's Kiran Bedi Rao took the seat."),
            pairs(&[("Arun Mehra", Some("Prime Minister")), ("Kiran Bedi Rao", None)])
        );
    }

    #[test]
    fn a_one_word_domain_opens_a_list_of_domains_before_the_holder() {
        assert_eq!(
            names_and_roles("El secretario de Defensa y Asuntos Marítimos, Rodrigo Salas Peña, habló. Luego la ministra de Cultura y Ana Beltrán Ruiz viajaron."),
            pairs(&[
                ("Rodrigo Salas Peña", Some("secretario de Defensa y Asuntos Marítimos")),
                ("Ana Beltrán Ruiz", None),
            ])
        );
    }

    #[test]
    fn a_nickname_in_quotation_marks_is_no_part_of_the_name() {
        let body = "Los hijos de Joaquín \"El Chapo\" Guzmán y Ismael «El Mayo» Zambada chocan. Guzmán está preso, y Earvin “Magic” Johnson's team won.";
        let people = find_people(&Text::new(body), &[], &[], &[], None);
        let found: Vec<(&str, &[(usize, usize)])> = people
            .iter()
            .map(|p| (p.name.as_str(), p.mentions.as_slice()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("Joaquín Guzmán", &[(13, 38), (74, 80)][..]),
                ("Ismael Zambada", &[(41, 65)][..]),
                ("Earvin Johnson", &[(95, 117)][..]),
            ]
        );
    }

    #[test]
    fn a_surname_inside_another_persons_full_name_is_theirs() {
        let body = "Luiz Inácio Lula da Silva spoke. Marina Silva agreed.";
        let people = find_people(&Text::new(body), &[], &[], &[], None);
        let lula = people
            .iter()
            .find(|p| p.name.starts_with("Luiz"))
            .expect("Lula");
        assert_eq!(lula.mentions, vec![(0, 25)]);
    }

    #[test]
    fn a_particle_after_an_institutions_word_and_adjectives_after_a_role() {
        let text = Text::new("Die Partei von Herbert Kickl gewann, sagte Kickl.");
        let found: Vec<String> = find_people(&text, &[], &[], &[], Some("de"))
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(found, vec!["Herbert Kickl"]);
        assert_eq!(
            names_and_roles("El portavoz presidencial, Manuel Adorni, habló. Le président sortant Macky Sall partit, devant le Ghanéen Nana Akufo-Addo. FEMA Administrator Deanne Criswell spoke. Hurricane Milton hit. El Poder Ejecutivo calló."),
            pairs(&[
                ("Manuel Adorni", Some("portavoz presidencial")),
                ("Macky Sall", Some("président sortant")),
                ("Nana Akufo-Addo", None),
                ("Deanne Criswell", Some("FEMA Administrator")),
            ])
        );
        // An adjective between an office and its domain stays in the role.
        assert_eq!(
            names_and_roles("La directora gerente del FMI, Kristalina Georgieva, habló. El secretario general de la ONU, António Guterres, llegó. La directora ejecutiva de Unicef, Catherine Russell, calló."),
            pairs(&[
                ("Kristalina Georgieva", Some("directora gerente del FMI")),
                ("António Guterres", Some("secretario general de la ONU")),
                ("Catherine Russell", Some("directora ejecutiva de Unicef")),
            ])
        );
        // A verb there is no adjective: the office is someone else's.
        assert_eq!(
            names_and_roles("El presidente regresó de Francia, Emmanuel Macron lo recibió."),
            pairs(&[("Emmanuel Macron", None)])
        );
    }

    #[test]
    fn a_knight_is_named_without_the_honorific_and_by_the_given_name_after_it() {
        let body = "Prime Minister Sir Keir Starmer spoke. Lord Ara Darzi, a former health minister, agreed. Sir Keir arrived. Mr Tom Hale listened, said Tom.";
        let text = Text::new(body);
        let people = find_people(&text, &[], &[], &[], None);
        let found: Vec<(&str, Option<&str>, usize)> = people
            .iter()
            .map(|p| (p.name.as_str(), p.role.as_deref(), p.mentions.len()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("Keir Starmer", Some("Prime Minister"), 2),
                ("Ara Darzi", Some("former health minister"), 1),
                ("Tom Hale", None, 2),
            ]
        );
    }

    #[test]
    fn a_nationality_after_a_role_and_a_word_between_a_possessive_and_a_role_belong_to_it() {
        assert_eq!(
            names_and_roles("Le président sénégalais Bassirou Diomaye Faye parla. Le Premier ministre britannique Tom Ashby et le président tchèque Jan Novák aussi. O Presidente português, Marcelo Rebelo de Sousa, falou. Denmark's business minister, Morten Bodskov, spoke. The union's leader, Ana Ruiz, agreed. O seu líder, Ossufo Momade, disse. Asked about the minister, Rui Costa said no. The president has Tiago Lima."),
            pairs(&[
                ("Bassirou Diomaye Faye", Some("président sénégalais")),
                ("Tom Ashby", Some("Premier ministre britannique")),
                ("Jan Novák", Some("président tchèque")),
                ("Marcelo Rebelo de Sousa", Some("Presidente português")),
                ("Morten Bodskov", Some("business minister")),
                ("Ana Ruiz", Some("leader")),
                ("Ossufo Momade", Some("líder")),
                // No comma after the name, no apposition; no adjective of nationality.
                ("Rui Costa", None),
                ("Tiago Lima", None),
            ])
        );
    }

    #[test]
    fn an_office_with_its_domain_before_a_name_is_the_role() {
        // The domain inside the run of capitals, and outside it.
        assert_eq!(
            names_and_roles("Secretary of State Lena Moreau met Minister of Foreign Affairs Ana Costa and the lawyer of Ana Maria Tavares. Former Minister of Finance Rui Gomes and the Governor of the Bank of Canada Tiago Lima listened. Mayor of Lisbon Carla Sousa said Marta Reis agreed. Director of National Intelligence Maya Grant and the White House Chief of Staff Omar Said spoke."),
            pairs(&[
                ("Lena Moreau", Some("Secretary of State")),
                ("Ana Costa", Some("Minister of Foreign Affairs")),
                ("Ana Maria Tavares", None),
                ("Rui Gomes", Some("Former Minister of Finance")),
                ("Tiago Lima", Some("Governor of the Bank of Canada")),
                ("Carla Sousa", Some("Mayor of Lisbon")),
                // Not "Mayor of Lisbon Carla Sousa said".
                ("Marta Reis", None),
                ("Maya Grant", Some("Director of National Intelligence")),
                ("Omar Said", Some("White House Chief of Staff")),
            ])
        );
        assert_eq!(
            names_and_roles("La ministra de Hacienda Elena Ruiz Soto habló con el ministro de Industria, Jorge Marín, y la ministre de la Transition écologique Claire Dubois. O ministro da Saúde Paulo Rocha Neves e le ministre de l’Intérieur Luc Martin também. Y el comandante del FRN Nora Gil."),
            pairs(&[
                ("Elena Ruiz Soto", Some("ministra de Hacienda")),
                ("Jorge Marín", Some("ministro de Industria")),
                ("Claire Dubois", Some("ministre de la Transition écologique")),
                ("Paulo Rocha Neves", Some("ministro da Saúde")),
                ("Luc Martin", Some("ministre de l’Intérieur")),
                ("Nora Gil", Some("comandante del FRN")),
            ])
        );
    }

    #[test]
    fn a_role_in_apposition_before_a_name_needs_its_article_and_both_commas() {
        assert_eq!(
            names_and_roles("O primeiro-ministro, Rui Lopes Vaz, disse que sim. El canciller, Juan Pablo de la Cruz, lo confirmó. Asked about the minister, Ana Costa said nothing, and Lopes, the mayor, Rita Ferro, agreed. The panel heard Tom Reed, minister, Sara Lind, secretary, and others."),
            pairs(&[
                ("Rui Lopes Vaz", Some("primeiro-ministro")),
                ("Juan Pablo de la Cruz", Some("canciller")),
                ("Ana Costa", None),
                ("Rita Ferro", Some("mayor")),
                // A list of names and roles: the role is the name's before it.
                ("Tom Reed", None),
                ("Sara Lind", None),
            ])
        );
    }

    #[test]
    fn a_role_of_something_in_apposition_before_a_name_is_the_role() {
        assert_eq!(
            names_and_roles("The head of the union, Ana Ruiz, said no. El jefe de la delegación gubernamental, Otty Patiño, habló. Der Chef der Gewerkschaft, Frank Werneke, sprach. Asked about the head of the union, Rui Vaz said nothing. Le directeur général de l'hôpital, Marc Ternier, a parlé. Le directeur habituel du club, Luc Barrat, a parlé. La ministre française de la Culture, Rose Tellier, a parlé. Le commissaire européen au commerce, Jan Vos, a parlé. La commissaire européenne à l'Énergie, Kadri Saar, a parlé. Le secrétaire exécutif de l'agence, Omar Diallo, a parlé."),
            pairs(&[
                ("Ana Ruiz", Some("head of the union")),
                ("Otty Patiño", Some("jefe de la delegación gubernamental")),
                ("Frank Werneke", Some("Chef der Gewerkschaft")),
                ("Rui Vaz", None),
                // One adjective of a role or of nationality between the role and its
                // connector.
                ("Marc Ternier", Some("directeur général de l'hôpital")),
                ("Luc Barrat", None),
                ("Rose Tellier", Some("ministre française de la Culture")),
                ("Jan Vos", Some("commissaire européen au commerce")),
                ("Kadri Saar", Some("commissaire européenne à l'Énergie")),
                ("Omar Diallo", Some("secrétaire exécutif de l'agence")),
            ])
        );
    }

    #[test]
    fn a_short_parenthesis_closing_the_domain_leaves_the_role_before_it() {
        assert_eq!(
            names_and_roles("El director de la Comisión Nacional del Agua (Conagua), Efraín Morales, habló. La jefa del equipo (según fuentes oficiales), Ana Ruiz, calló. El director del hospital (Madrid), Luis Vaz, siguió. La jefa del equipo (Unidad Central de Operaciones Especiales), Rosa Gil, salió. La jefa del equipo (en funciones), Eva Gil, volvió."),
            pairs(&[
                ("Efraín Morales", Some("director de la Comisión Nacional del Agua")),
                ("Ana Ruiz", None),
                ("Luis Vaz", Some("director del hospital")),
                ("Rosa Gil", None),
                ("Eva Gil", Some("jefa del equipo")),
            ])
        );
        assert_eq!(
            names_and_roles("Marine Le Pen, cheffe de file des députés RN, a prévenu."),
            pairs(&[("Marine Le Pen", Some("cheffe de file des députés RN"))])
        );
    }

    #[test]
    fn a_run_that_opens_inside_an_organisation_goes_on_with_a_person() {
        assert_eq!(
            names_and_roles("Central Bank of Nigeria Governor Olayemi Cardoso spoke."),
            pairs(&[("Olayemi Cardoso", Some("Central Bank of Nigeria Governor"))])
        );
    }

    #[test]
    fn a_shorter_form_of_a_fuller_name_is_the_same_person() {
        assert_eq!(
            names("Ana Maria Tavares opened the session. Later, Maria Tavares said the vote would wait."),
            ["Ana Maria Tavares"]
        );
    }

    #[test]
    fn particles_stay_inside_names() {
        assert_eq!(
            names("Ursula von der Leyen spoke in Brussels."),
            vec!["Ursula von der Leyen"]
        );
        // Nor does a particle open a name: after an opener it is an article.
        assert!(names("Selon la Constitution, le président ne peut pas.").is_empty());
        assert_eq!(
            names("President Alexander Van der Bellen met Ruud van den Berg. Merkel der CDU."),
            vec!["Alexander Van der Bellen", "Ruud van den Berg"]
        );
    }

    /// The people a German story names, with their roles.
    fn german_names_and_roles(body: &str) -> Vec<(String, Option<String>)> {
        find_people(&Text::new(body), &[], &[], &[], Some("de"))
            .into_iter()
            .map(|p| (p.name, p.role))
            .collect()
    }

    /// German compound roles of the courtroom and the bench are roles, not a name's first word.
    #[test]
    fn german_courtroom_and_coaching_compounds_are_roles() {
        let body = "Köln (dpa) - Das sagte Rechtsanwältin Jana Brökel am Montag. Der \
                    Bundestrainer Olaf Kettler schwieg, Oberstaatsanwalt Uwe Timm auch. Die \
                    Politologin Eva Stark widersprach.";
        assert_eq!(
            german_names_and_roles(body),
            [
                ("Jana Brökel".to_owned(), Some("Rechtsanwältin".to_owned())),
                ("Olaf Kettler".to_owned(), Some("Bundestrainer".to_owned())),
                ("Uwe Timm".to_owned(), Some("Oberstaatsanwalt".to_owned())),
                ("Eva Stark".to_owned(), Some("Politologin".to_owned())),
            ]
        );
    }

    /// German capitalizes its nouns: a person is one the story introduces as one, with a role
    /// or beside a verb of saying, however often the words recur.
    #[test]
    fn german_noun_phrases_are_not_people_and_introduced_names_are() {
        let body = "Hamburg (dpa) - Reisende sollten früh planen. Betroffene Reisende können \
                    umbuchen, sagte Bahnsprecherin Karin Lohse. „Das Netz darf nicht zum \
                    Opfer von Sparplänen werden“, sagte Markus Feld am Abend. Bahnchef \
                    Richard Lutz kündigte Investitionen an. Das ist der Plan des größten \
                    Reiseanbieters Europas, sagte er.";
        let names_in = |language| -> Vec<String> {
            find_people(&Text::new(body), &[], &[], &[], language)
                .into_iter()
                .map(|p| p.name)
                .collect()
        };
        assert_eq!(
            names_in(Some("de")),
            ["Karin Lohse", "Markus Feld", "Richard Lutz"]
        );
        // A surname beside a verb of saying introduces the name it is short for; compound
        // roles of chairs and politicians, and a plain "Chefin", introduce theirs.
        let body = "Die SPÖ unter Andreas Babler ist bereit. „Wir sind bereit“, sagte Babler. \
                    Es sagte die Neos-Vorsitzende Beate Meinl-Reisinger. Es sagte die Chefin \
                    Anna Weber. Tarifkonflikte trafen Betroffene Reisende.";
        assert_eq!(
            german_names_and_roles(body),
            [
                ("Andreas Babler".to_owned(), None),
                (
                    "Beate Meinl-Reisinger".to_owned(),
                    Some("Neos-Vorsitzende".to_owned())
                ),
                ("Anna Weber".to_owned(), Some("Chefin".to_owned())),
            ]
        );
        // Without the language, the same runs are taken as they come.
        assert_eq!(
            names_in(None),
            [
                "Betroffene Reisende",
                "Karin Lohse",
                "Opfer von Sparplänen",
                "Markus Feld",
                "Richard Lutz",
                "Reiseanbieters Europas"
            ]
        );
    }

    #[test]
    fn a_french_nationality_noun_and_its_article_are_no_part_of_a_name() {
        assert_eq!(
            names(
                "Le Slovène Anže Kralj a gagné le Tour de France. Les Britanniques Tom Ashby \
                 et Ann Lowe suivent, devant la Suisse Léa Dufaux."
            ),
            ["Anže Kralj", "Tom Ashby", "Ann Lowe", "Léa Dufaux"]
        );
    }

    #[test]
    fn a_former_holders_office_takes_its_domain() {
        assert_eq!(
            names_and_roles(
                "Depôs o ex-comandante da Marinha Arlindo Quevedo. Falou a exministra de \
                 Cultura Rosaura Benítez. A Primeira Turma do tribunal votou."
            ),
            pairs(&[
                ("Arlindo Quevedo", Some("ex-comandante da Marinha")),
                ("Rosaura Benítez", Some("exministra de Cultura")),
            ])
        );
    }

    #[test]
    fn bylined_authors_are_not_mentioned_people() {
        let found = find_people(
            &Text::new("Ana Costa reported the story."),
            &[],
            &[],
            &["Ana Costa".to_owned()],
            None,
        );
        assert!(found.is_empty());
    }
}
