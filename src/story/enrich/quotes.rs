//! Direct quotations and who said them.
//!
//! A quotation is text between quotation marks in one of the forms newsrooms print: “…”, "…",
//! «…», „…“ and ‚…‘-free single-paragraph forms; a quotation left open at the end of a paragraph
//! runs on into the next one that opens with a mark (the multi-paragraph convention). Its speaker
//! comes from the attribution in the same sentence — after it (`…,” Arévalo said`, `…“, sagte
//! Christine Behle`, `…», a lancé Pierre Vallin`) or before it (`Peskov told reporters that
//! Russia would “…”`) — which must carry a verb of saying in one of the five enriched languages.
//! A name there is resolved to the canonical person or organisation; a pronoun ("she said") to
//! the person last named before the quote; a role ("the minister said", "o comandante") to the
//! person last named, and "the company said" to the organisation last named. A quotation with no
//! attribution of its own that follows an attributed one in the same paragraph, or opens the
//! next, continues that speaker, unless its own sentence names someone else before it.
//!
//! Quotations under six words are scare quotes or fragments and are not listed, unless they are
//! a spoken sentence of three words or more with an attribution of their own (`“We will fight
//! on,” she said`, `"Wir halten durch", sagte sie`); nor are quotations whose speaker cannot be
//! told.

use super::organisations::Organisation;
use super::people::{has_title_suffix, Person};
use super::WordList;
use crate::story::text::{follows_a_dash, opens_sentence, word_spans, Text};

/// Quotations shorter than this many words are fragments or scare quotes...
const MIN_WORDS: usize = 6;
/// ...unless they are a spoken sentence with an attribution of their own (`“We will fight on,”
/// Feijóo told reporters`): those are listed from this many words.
const MIN_SENTENCE_WORDS: usize = 3;

/// Verbs (and prepositions) of attribution: English, Spanish, French, German, Portuguese.
pub(super) static SAYING: WordList = WordList::new(&[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "asked",
    "warned",
    "warns",
    "wrote",
    "writes",
    "explained",
    "noted",
    "argued",
    "insisted",
    "stated",
    "according",
    "declared",
    "acknowledged",
    "conceded",
    "admitted",
    "recalled",
    "continued",
    "urged",
    "predicted",
    "cautioned",
    "stressed",
    "emphasised",
    "emphasized",
    "announced",
    "confirmed",
    "replied",
    "responded",
    "complained",
    "joked",
    "agreed",
    "suggested",
    "saying",
    "telling",
    "adding",
    "promising",
    "tweeted",
    "posted",
    "dijo",
    "dice",
    "afirmó",
    "explicó",
    "señaló",
    "aseguró",
    "declaró",
    "añadió",
    "agregó",
    "indicó",
    "comentó",
    "advirtió",
    "sostuvo",
    "según",
    "contó",
    "relató",
    "precisó",
    "subrayó",
    "detalló",
    "destacó",
    "insistió",
    "escribió",
    "expresó",
    "manifestó",
    "reconoció",
    "apuntó",
    "recalcó",
    "denunció",
    "lamentó",
    "respondió",
    "reaccionó",
    "alertó",
    "dicho",
    "declarado",
    "afirmado",
    "explicado",
    "señalado",
    "asegurado",
    "añadido",
    "indicado",
    "informado",
    "subrayado",
    "destacado",
    "advertido",
    "precisado",
    "manifestado",
    "anunciado",
    "informó",
    "anunció",
    "confirmó",
    "déclaré",
    "dit",
    "affirmé",
    "expliqué",
    "estimé",
    "ajouté",
    "souligné",
    "assuré",
    "lancé",
    "indiqué",
    "écrit",
    "précisé",
    "annoncé",
    "confirmé",
    "détaillé",
    "reconnu",
    "déploré",
    "répondu",
    "réagi",
    "réagit",
    "averti",
    "insisté",
    "précise",
    "selon",
    "déclare",
    "explique",
    "estime",
    "ajoute",
    "souligne",
    "assure",
    "lance",
    "indique",
    "affirme",
    "martèle",
    "prévient",
    "dénonce",
    "confie",
    "estimant",
    "assurant",
    "expliquant",
    "sagte",
    "reagierte",
    "sagt",
    "erklärte",
    "erklärt",
    "betonte",
    "betont",
    "warnte",
    "warnt",
    "kritisierte",
    "kritisiert",
    "meinte",
    "fügte",
    "forderte",
    "schrieb",
    "schreibt",
    "erläuterte",
    "ergänzte",
    "mitteilte",
    "bekräftigte",
    "mahnte",
    "so",
    "disse",
    "reagiu",
    "diz",
    "afirmou",
    "explicou",
    "declarou",
    "referiu",
    "sublinhou",
    "acrescentou",
    "segundo",
    "adiantou",
    "garantiu",
    "frisou",
    "indicou",
    "salientou",
    "detalhou",
    "destacou",
    "alertou",
    "escreveu",
    "defendeu",
    "considerou",
    "lamentou",
    "reconheceu",
    "avisou",
    "assegurou",
    "realçou",
    "informou",
    "anunciou",
    "confirmou",
]);

/// Pronouns that stand for the person last named.
static PRONOUNS: WordList = WordList::new(&[
    "he", "she", "He", "She", "il", "elle", "er", "sie", "Er", "Sie", "ele", "ela", "él", "ella",
]);

/// Roles that stand for the person last named: "the minister said", "afirmou o comandante".
static PERSON_ROLES: WordList = WordList::new(&[
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "president",
    "governor",
    "mayor",
    "commander",
    "chief",
    "director",
    "economist",
    "analyst",
    "senator",
    "secretary",
    "officer",
    "executive",
    "chairman",
    "chairwoman",
    "pontiff",
    "pope",
    "king",
    "queen",
    "monarch",
    "chair",
    "lawmaker",
    "legislator",
    "chancellor",
    "leader",
    "ambassador",
    "premier",
    "comandante",
    "ministro",
    "ministra",
    "presidente",
    "portavoz",
    "porta-voz",
    "alcalde",
    "autarca",
    "ministre",
    "président",
    "porte-parole",
    "maire",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "woman",
    "man",
    "manager",
    "coach",
    "prosecutor",
    "lawyer",
    "attorney",
    "judge",
    "researcher",
    "scientist",
    "professor",
    "senador",
    "senadora",
    "diputado",
    "diputada",
    "deputado",
    "deputada",
    "governante",
    "dirigente",
    "député",
    "sénateur",
    "ministerin",
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "bürgermeister",
    "bürgermeisterin",
    "coroner",
    "sheriff",
    "técnico",
    "entrenador",
    "entrenadora",
    "treinador",
    "treinadora",
    "entraîneur",
    "trainer",
    "trainerin",
    "seleccionador",
    "selecionador",
    "sélectionneur",
    "capitán",
    "capitão",
    "capitaine",
    "kapitän",
    "funcionario",
    "funcionaria",
    "funcionário",
    "funcionária",
    "responsable",
    "titular",
    "directora",
    "diretor",
    "diretora",
    "directeur",
    "directrice",
    "politician",
    "político",
    "politicien",
    "politicienne",
    "politiker",
    "politikerin",
    "mandatario",
    "mandataria",
    "mandatário",
    "mandatária",
    "presidenta",
    "jefe",
    "jefa",
    "chefe",
    "présidente",
    "dirigeant",
    "dirigeante",
    "líder",
    "alcaldesa",
    "cheffe",
    "gobernador",
    "gobernadora",
    "governador",
    "governadora",
    "gouverneur",
    "prefeito",
    "prefeita",
    "secrétaire",
    "secretario",
    "secretaria",
    "secretário",
    "secretária",
    "sénatrice",
    "députée",
    "ministerpräsident",
    "ministerpräsidentin",
]);

/// Nationalities as nouns, lower-cased, which sports and foreign copy use for the person last
/// named: "the Italian told reporters", "dijo el argentino", "a déclaré l'Espagnol", "sagte
/// der Österreicher". Forms that also name a country or a language with an article ("la
/// Suisse", "la China", "l'Argentine", "the Chinese") are left out.
static NATIONALITY_NOUNS: WordList = WordList::new(&[
    "american",
    "argentinian",
    "australian",
    "austrian",
    "belgian",
    "brazilian",
    "briton",
    "bulgarian",
    "canadian",
    "chilean",
    "colombian",
    "croat",
    "croatian",
    "cuban",
    "czech",
    "dane",
    "dutchman",
    "dutchwoman",
    "ecuadorian",
    "egyptian",
    "englishman",
    "englishwoman",
    "ethiopian",
    "finn",
    "frenchman",
    "frenchwoman",
    "georgian",
    "german",
    "ghanaian",
    "greek",
    "hungarian",
    "indian",
    "iranian",
    "iraqi",
    "irishman",
    "irishwoman",
    "israeli",
    "italian",
    "jamaican",
    "kenyan",
    "mexican",
    "moroccan",
    "nigerian",
    "norwegian",
    "pakistani",
    "palestinian",
    "peruvian",
    "pole",
    "romanian",
    "russian",
    "scot",
    "scotsman",
    "senegalese",
    "serb",
    "slovak",
    "slovenian",
    "spaniard",
    "swede",
    "turk",
    "ugandan",
    "ukrainian",
    "uruguayan",
    "venezuelan",
    "welshman",
    "zambian",
    // Spanish and Portuguese (the feminine too).
    "italiano",
    "italiana",
    "español",
    "española",
    "espanhol",
    "espanhola",
    "alemán",
    "alemana",
    "alemão",
    "alemã",
    "francés",
    "francesa",
    "francês",
    "argentino",
    "brasileño",
    "brasileña",
    "brasileiro",
    "brasileira",
    "mexicano",
    "mexicana",
    "estadounidense",
    "americano",
    "americana",
    "británico",
    "británica",
    "britânico",
    "britânica",
    "ruso",
    "russo",
    "russa",
    "colombiano",
    "colombiana",
    "chileno",
    "chilena",
    "peruano",
    "peruana",
    "venezolano",
    "venezolana",
    "cubano",
    "cubana",
    "uruguayo",
    "uruguaya",
    "uruguaio",
    "uruguaia",
    "portugués",
    "português",
    "portuguesa",
    "japonés",
    "japonesa",
    "japonês",
    "ucraniano",
    "ucraniana",
    "canadiense",
    "noruego",
    "noruega",
    "sueco",
    "sueca",
    // French.
    "italien",
    "italienne",
    "espagnol",
    "espagnole",
    "allemand",
    "allemande",
    "français",
    "française",
    "argentin",
    "brésilien",
    "brésilienne",
    "américain",
    "américaine",
    "britannique",
    "russe",
    "japonais",
    "japonaise",
    "ukrainien",
    "ukrainienne",
    "belge",
    "canadien",
    "canadienne",
    "norvégien",
    "norvégienne",
    "serbe",
    "sénégalais",
    "sénégalaise",
    // German.
    "italiener",
    "italienerin",
    "spanier",
    "spanierin",
    "franzose",
    "französin",
    "amerikaner",
    "amerikanerin",
    "brite",
    "britin",
    "russin",
    "schweizer",
    "schweizerin",
    "österreicher",
    "österreicherin",
    "argentinier",
    "argentinierin",
    "brasilianer",
    "brasilianerin",
    "japaner",
    "japanerin",
    "ukrainer",
    "ukrainerin",
    "norweger",
    "norwegerin",
]);

/// Conjunctions that open a clause of their own: an attribution after one, between two
/// quotations, introduces the next ("“…,” while Rep. Lupe Contreras said it was “…”"), not the
/// quotation before it.
static CLAUSE_OPENERS: WordList = WordList::new(&[
    "while", "whereas", "but", "although", "though", "mientras", "pero", "aunque", "tandis",
    "alors", "mais", "während", "aber", "enquanto", "mas", "embora",
]);

/// Indefinite articles and "one", before an unnamed subject: "a villager", "one resident",
/// "un habitant", "eine Anwohnerin".
static INDEFINITE_ARTICLES: WordList = WordList::new(&[
    "a", "an", "one", "un", "une", "uno", "una", "ein", "eine", "einer", "um", "uma",
]);

/// Articles that make a role refer back to someone named: "the minister", "o comandante".
static DEFINITE_ARTICLES: WordList = WordList::new(&[
    "the", "el", "la", "le", "l’", "o", "a", "der", "die", "das", "den", "dem",
]);

/// Kinds of organisation that stand for the organisation last named: "the company said".
static ORGANISATION_ROLES: WordList = WordList::new(&[
    "company",
    "committee",
    "council",
    "board",
    "comité",
    "comitê",
    "colegiado",
    "conselho",
    "consejo",
    "conseil",
    "group",
    "airline",
    "agency",
    "ministry",
    "department",
    "union",
    "bank",
    "government",
    "carrier",
    "firm",
    "utility",
    "authority",
    "empresa",
    "ministerio",
    "ministério",
    "entreprise",
    "syndicat",
    "gouvernement",
    "unternehmen",
    "gewerkschaft",
    "konzern",
]);

/// Who said it: a person or an organisation, by canonical name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    Person,
    Organisation,
}

/// A direct quotation with its speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    pub speaker: String,
    pub speaker_kind: SpeakerKind,
    /// The verb of saying the attribution uses ("said", "sagte"), when one is printed; a
    /// continued quotation has none of its own.
    pub verb: Option<String>,
    /// Character offsets `[start, end)` of the quoted words in the clean body.
    pub offsets: (usize, usize),
}

/// A name mention of a person or organisation, in body bytes.
#[derive(Debug, Clone)]
struct Mention<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    kind: SpeakerKind,
}

/// A quotation found in a paragraph, in body bytes.
#[derive(Debug, Clone)]
struct Span {
    /// The quoted words.
    start: usize,
    end: usize,
    /// The marks around them (the closing one may be missing: the quote runs on).
    outer_start: usize,
    outer_end: usize,
    closed: bool,
}

/// Finds the attributed quotations of the clean body.
pub fn find_quotes(
    text: &Text<'_>,
    people: &[Person],
    organisations: &[Organisation],
) -> Vec<Quote> {
    let body = text.body();
    let mut mentions: Vec<Mention<'_>> = people
        .iter()
        .flat_map(|p| {
            p.mentions.iter().map(|&(s, e)| Mention {
                start: text.byte_offset(s),
                end: text.byte_offset(e),
                name: &p.name,
                kind: SpeakerKind::Person,
            })
        })
        .chain(organisations.iter().flat_map(|o| {
            o.mentions.iter().map(|&(s, e)| Mention {
                start: text.byte_offset(s),
                end: text.byte_offset(e),
                name: &o.name,
                kind: SpeakerKind::Organisation,
            })
        }))
        .collect();
    mentions.sort_by_key(|m| m.start);

    let mut quotes = Vec::new();
    // The speaker of the last attributed quotation, and whether it was left open.
    let mut previous: Option<(usize, &str, SpeakerKind, bool)> = None;
    let mut paragraph_start = 0;
    for paragraph in crate::story::text::blocks(body) {
        let base = paragraph_start;
        paragraph_start += paragraph.len() + 2;
        let spans = quotation_spans(paragraph, base);
        let mut previous_in_paragraph: Option<(&str, SpeakerKind)> = None;
        for (index, span) in spans.iter().enumerate() {
            let attribution = attribute(body, span, &spans, index, base, paragraph, &mentions)
                .map(|(name, kind, verb)| (name, kind, Some(verb)))
                .or_else(|| {
                    announced_by_sole_person(body, span, &spans, index, base, &mentions)
                        .map(|name| (name, SpeakerKind::Person, None))
                });
            let continued = || {
                previous_in_paragraph
                    .filter(|(name, _)| {
                        !names_another_before(body, span, &spans, index, base, &mentions, name)
                    })
                    .or_else(|| {
                        // A paragraph that opens with a quotation continues one left open.
                        previous
                            .filter(|p| p.3 && span.outer_start == base && index == 0)
                            .map(|p| (p.1, p.2))
                    })
            };
            let resolved =
                attribution.or_else(|| continued().map(|(name, kind)| (name, kind, None)));
            let Some((name, kind, verb)) = resolved else {
                continue;
            };
            previous_in_paragraph = Some((name, kind));
            previous = Some((span.end, name, kind, !span.closed));
            // The comma before an attribution is the sentence's, not the speaker's.
            let quoted = body[span.start..span.end]
                .trim()
                .trim_end_matches(',')
                .trim_end();
            let words = quoted.split_whitespace().count();
            // The sentence's comma stands inside the quotation marks in English and outside them
            // in Romance and German copy (`« Nous tiendrons », a dit…`, `"Wir halten", sagte…`),
            // where a quotation that opens its sentence is one spoken.
            let spoken_sentence = verb.is_some()
                && (ends_as_speech(&body[span.start..span.end])
                    || body[span.outer_end..].starts_with(',')
                        && (opens_sentence(body, span.outer_start)
                            || follows_a_dash(body, span.outer_start)));
            if words < MIN_WORDS && !(spoken_sentence && words >= MIN_SENTENCE_WORDS) {
                continue;
            }
            let text_start = span.start
                + (body[span.start..span.end].len()
                    - body[span.start..span.end].trim_start().len());
            quotes.push(Quote {
                text: quoted.to_owned(),
                speaker: name.to_owned(),
                speaker_kind: kind,
                verb: verb.map(str::to_owned),
                offsets: (
                    text.char_offset(text_start),
                    text.char_offset(text_start + quoted.len()),
                ),
            });
        }
    }
    quotes
}

/// Whether the quoted words end the way a spoken sentence or clause does inside the marks
/// (`“We will fight on,” she said`, `“Not now.”`), where a scare quote or a quoted phrase ends
/// with its last word (`accused him of “selling the country”`).
fn ends_as_speech(quoted: &str) -> bool {
    quoted.trim_end().ends_with(['.', ',', '!', '?', '…', ';'])
}

/// Whether the sentence of a quotation with no attribution of its own names someone other than
/// `speaker` before it: then the quotation is that sentence's subject's words or nobody's, never
/// a continuation of the last speaker (`“…,” Sánchez said. Feijóo accused him of “…”`).
fn names_another_before(
    body: &str,
    span: &Span,
    spans: &[Span],
    index: usize,
    base: usize,
    mentions: &[Mention<'_>],
    speaker: &str,
) -> bool {
    let from = index
        .checked_sub(1)
        .map_or(base, |previous| spans[previous].outer_end)
        .max(sentence_start(body, base, span.outer_start));
    mentions
        .iter()
        .any(|m| m.start >= from && m.end <= span.outer_start && m.name != speaker)
}

/// Quotation spans of one paragraph (`base` is its byte offset in the body).
fn quotation_spans(paragraph: &str, base: usize) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut from = 0;
    // Every opening mark begins with one of these bytes: `"`, 0xE2 (“ „) or 0xC2 («). Most
    // of a paragraph is skipped by a vectorized search for them; each is a character boundary.
    while let Some(found) = memchr::memchr3(b'"', 0xE2, 0xC2, &paragraph.as_bytes()[from..]) {
        let index = from + found;
        match quotation_at(paragraph, index, base) {
            Some(span) => {
                from = span.outer_end - base;
                spans.push(span);
            }
            None => from = index + 1,
        }
    }
    spans
}

/// The quotation whose opening mark is at `index` of the paragraph, if one opens there.
fn quotation_at(paragraph: &str, index: usize, base: usize) -> Option<Span> {
    let c = paragraph[index..].chars().next()?;
    let closing: &[char] = match c {
        '“' => &['”'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '"' => &['"'],
        _ => return None,
    };
    // A straight quote opens only before a word, after a space or the start.
    if c == '"' && !opens_here(paragraph, index) {
        return None;
    }
    let inner_start = index + c.len_utf8();
    let close = paragraph[inner_start..]
        .char_indices()
        .find(|&(_, d)| closing.contains(&d))
        .map(|(offset, d)| (inner_start + offset, d.len_utf8()));
    let (inner_end, outer_end, closed) = match close {
        Some((at, width)) => (at, at + width, true),
        None => (paragraph.len(), paragraph.len(), false),
    };
    Some(Span {
        start: base + inner_start,
        end: base + inner_end,
        outer_start: base + index,
        outer_end: base + outer_end,
        closed,
    })
}

fn opens_here(paragraph: &str, index: usize) -> bool {
    let before = paragraph[..index].chars().next_back();
    let after = paragraph[index + 1..].chars().next();
    before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–'))
        && after.is_some_and(|a| !a.is_whitespace())
}

/// The speaker of a quotation from the attribution in its sentence: after the quotation first,
/// then before it.
fn attribute<'a>(
    body: &'a str,
    span: &Span,
    spans: &[Span],
    index: usize,
    base: usize,
    paragraph: &str,
    mentions: &[Mention<'a>],
) -> Option<(&'a str, SpeakerKind, &'a str)> {
    let paragraph_end = base + paragraph.len();
    // After: up to the sentence's end or the next quotation.
    let after_end = spans
        .get(index + 1)
        .map_or(paragraph_end, |next| next.outer_start)
        .min(sentence_end(body, span.outer_end, paragraph_end));
    let opens_a_clause = || {
        word_spans(&body[span.outer_end..after_end])
            .first()
            .map(|&(start, end)| &body[span.outer_end + start..span.outer_end + end])
            .is_some_and(|first| CLAUSE_OPENERS.contains(first.to_lowercase().as_str()))
    };
    let introduces_the_next =
        index + 1 < spans.len() && after_end == spans[index + 1].outer_start && opens_a_clause();
    // A quotation inside a sentence that closes it (`accused them of “rewriting the law.”`)
    // ends that sentence: the next one is about something else.
    let closes_its_sentence = || {
        body[span.start..span.end]
            .trim_end()
            .ends_with(['.', '!', '?'])
            && !opens_sentence(body, span.outer_start)
            && !follows_a_dash(body, span.outer_start)
    };
    // Before: from the sentence's start or the previous quotation.
    let before_start = index
        .checked_sub(1)
        .map_or(base, |previous| spans[previous].outer_end)
        .max(sentence_start(body, base, span.outer_start));
    let before = || speaker_in(body, before_start, span.outer_start, mentions, span, false);
    // A whole sentence quoted after a colon is the words of whoever the colon's sentence
    // names: `Nehammer sagte: „Wir sind nicht am Ziel.“ Babler forderte…` is Nehammer's.
    let announced = body[..span.outer_start].trim_end().ends_with(':')
        && body[span.start..span.end]
            .trim_end()
            .ends_with(['.', '!', '?']);
    // Its window is read once: first when the colon announces the quotation, else last.
    let announced_by = announced.then(before).flatten();
    if announced_by.is_some() {
        return announced_by;
    }
    if span.closed && after_end > span.outer_end && !introduces_the_next && !closes_its_sentence() {
        if let Some(found) = speaker_in(body, span.outer_end, after_end, mentions, span, true) {
            return Some(found);
        }
    }
    if announced {
        None
    } else {
        before()
    }
}

/// The one person a colon's sentence names, when the colon announces a whole quoted sentence
/// with no verb of saying: `Personalvorstand Martin Seiler begrüßte den Schritt: „Das ist ein
/// gutes Signal.“` is Seiler's. With two people named, or none, the colon says nothing.
fn announced_by_sole_person<'a>(
    body: &str,
    span: &Span,
    spans: &[Span],
    index: usize,
    base: usize,
    mentions: &[Mention<'a>],
) -> Option<&'a str> {
    let announced = body[..span.outer_start].trim_end().ends_with(':')
        && body[span.start..span.end]
            .trim_end()
            .ends_with(['.', '!', '?']);
    if !announced {
        return None;
    }
    let from = index
        .checked_sub(1)
        .map_or(base, |previous| spans[previous].outer_end)
        .max(sentence_start(body, base, span.outer_start));
    let mut people = mentions
        .iter()
        .filter(|m| m.kind == SpeakerKind::Person && m.start >= from && m.end <= span.outer_start);
    let person = people.next()?;
    people
        .all(|other| other.name == person.name)
        .then_some(person.name)
}

/// The speaker named in an attribution window `[from, to)` that carries a verb of saying.
fn speaker_in<'a>(
    body: &'a str,
    from: usize,
    to: usize,
    mentions: &[Mention<'a>],
    span: &Span,
    after: bool,
) -> Option<(&'a str, SpeakerKind, &'a str)> {
    let words: Vec<(usize, &'a str)> = word_positions(body, from, to);
    let verb_index = words.iter().position(|(_, w)| SAYING.contains(w))?;
    let verb = words[verb_index].1;
    let named: Vec<&Mention<'a>> = mentions
        .iter()
        .filter(|m| m.start >= from && m.end <= to)
        .collect();
    let last_named_before_quote = |kind: SpeakerKind| {
        mentions
            .iter()
            .rev()
            .find(|m| m.end <= span.outer_start && m.kind == kind)
            .map(|m| (m.name, m.kind, verb))
    };
    // "she said", "said he", "a-t-il", "sagte er": a pronoun beside the verb, or joined to it
    // by French inversion ("a-t-il dit", "a-t-elle ajouté": its last part).
    let beside_verb = verb_index.saturating_sub(1)..=verb_index + 1;
    let pronoun = words.iter().enumerate().any(|(i, (_, w))| {
        beside_verb.contains(&i) && PRONOUNS.contains(w.rsplit('-').next().unwrap_or(w))
    });
    // An organisation named beside the pronoun is whom they told or where they spoke: "she
    // told Reuters", "a-t-elle déclaré à l'Assemblée nationale".
    if pronoun && !named.iter().any(|m| m.kind == SpeakerKind::Person) {
        return last_named_before_quote(SpeakerKind::Person);
    }
    let verb_at = words[verb_index].0;
    // "the minister said", "afirmou o comandante", "sagte der SPD-Politiker" (a compound's last
    // part is its head), "sagte der Vizekanzler" (so is a German compound's last word); an
    // indefinite "one recruiter" is anonymous.
    // French elides the article onto its noun: "a déclaré l'Espagnol".
    let definite_role = |is_role: &dyn Fn(&str) -> bool| {
        words.iter().enumerate().find_map(|(index, &(at, word))| {
            let elided = ["l'", "l’", "L'", "L’"]
                .into_iter()
                .find_map(|article| word.strip_prefix(article));
            let article_before =
                index > 0 && DEFINITE_ARTICLES.contains(words[index - 1].1.to_lowercase().as_str());
            let noun = elided.unwrap_or(word);
            let role = noun.rsplit('-').next().unwrap_or(noun);
            ((elided.is_some() || article_before) && is_role(role.to_lowercase().as_str()))
                .then_some((at, at + word.len()))
        })
    };
    // A person is preferred to an organisation beside them, which is where they work or whom
    // they told: "said Ryanair chief executive Michael O'Leary", "a déclaré à l'AFP Arnaud
    // Rousseau". Before the quotation, the subject before the verb is preferred to whoever
    // the reported words are about: `Judge Arleo said Bellamy had "sold the trust…"`.
    let pick = |kind: SpeakerKind| {
        let mut of_kind = named.iter().filter(|m| m.kind == kind);
        if after {
            of_kind.next()
        } else {
            named
                .iter()
                .rfind(|m| m.kind == kind && m.end <= verb_at)
                .or_else(|| of_kind.next_back())
        }
    };
    let speaking = |m: &Mention<'a>| (m.name, m.kind, verb);
    let is_person_role = |role: &str| {
        PERSON_ROLES.contains(role) || NATIONALITY_NOUNS.contains(role) || has_title_suffix(role)
    };
    if let Some(person) = pick(SpeakerKind::Person) {
        // After the quotation, a role right after the verb is the speaker unless the person
        // named later is its holder, in apposition to it: "a déclaré la ministre de la Santé,
        // Geneviève Darrieussecq". A person named in the next sentence is not (`“…”, escribió
        // el mandatario en la red social X. El ministro…`), nor one named further on in the
        // sentence: "a lancé la dirigeante du parti, sous les applaudissements de la Ligue de
        // Matteo Salvini".
        let role_first = after
            && definite_role(&is_person_role).is_some_and(|(at, end)| {
                at > verb_at && at < person.start && !holder_follows(&body[end..person.start])
            });
        if !role_first {
            return Some(speaking(person));
        }
    }
    let organisation = pick(SpeakerKind::Organisation);
    let organisation_start = organisation.map(|m| m.start);
    let before_organisation = |at: usize| organisation_start.is_none_or(|start| at < start);
    // A role before the organisation named is the speaker, the organisation where they spoke
    // or who reported it: "sagte der SPD-Politiker im Bundestag", "afirmou a governante,
    // citada pela agência Lusa". So is a role between the organisation and the verb, its
    // subject: "diffusée par la RTS, le chef de l'État a expliqué".
    let subject_after_organisation =
        |at: usize| organisation.is_some_and(|m| m.end <= at) && at < verb_at;
    if definite_role(&is_person_role)
        .is_some_and(|(at, _)| before_organisation(at) || subject_after_organisation(at))
    {
        return last_named_before_quote(SpeakerKind::Person);
    }
    // So for a kind of organisation ("the firm told Reuters"), unless the name is in apposition
    // to it ("said the union, Verdi").
    let apposition = |end: usize| {
        organisation_start.is_some_and(|start| {
            start >= end && body[end..start].chars().all(|c| c == ' ' || c == ',')
        })
    };
    // Someone unnamed who speaks to an organisation is anonymous, not the organisation: "a
    // villager told the Central News Agency" (where "a Ryanair spokesman said" is Ryanair's).
    let anonymous_subject = verb_index >= 2
        && INDEFINITE_ARTICLES.contains(words[verb_index - 2].1.to_lowercase().as_str());
    match definite_role(&|role| ORGANISATION_ROLES.contains(role)) {
        Some((at, end)) if before_organisation(at) && !apposition(end) => {
            last_named_before_quote(SpeakerKind::Organisation)
        }
        _ => organisation
            .filter(|m| !(anonymous_subject && m.start > verb_at))
            .map(|m| speaking(m)),
    }
}

/// Whether `between`, the text between a role and a person named after it, makes the person the
/// role's holder: the role's domain at most, then the person in apposition or straight after it
/// ("the minister Ana Ruiz", "le ministre de l'Économie, Bruno Le Maire"), with no other clause
/// between them.
fn holder_follows(between: &str) -> bool {
    /// The most words a role's domain takes: "de la Transition écologique et de la Cohésion".
    const MOST_DOMAIN_WORDS: usize = 8;
    let domain = between.trim_end();
    let domain = domain.strip_suffix(',').unwrap_or(domain);
    !domain.contains([',', '.', ';', '(', ':'])
        && domain.split_whitespace().count() <= MOST_DOMAIN_WORDS
}

/// Words of `body[from..to]` with their byte positions.
fn word_positions(body: &str, from: usize, to: usize) -> Vec<(usize, &str)> {
    word_spans(&body[from..to])
        .into_iter()
        .map(|(start, end)| (from + start, &body[from + start..from + end]))
        .collect()
}

/// Where the sentence that contains `from` ends (the byte after its full stop), within `limit`.
fn sentence_end(body: &str, from: usize, limit: usize) -> usize {
    let text = &body[from..limit];
    for (offset, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let after = &text[offset + 1..];
            let word_before = text[..offset]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            let abbreviation = word_before.len() <= 3
                && word_before.chars().next().is_some_and(char::is_uppercase);
            if (after.is_empty() || after.starts_with(' ')) && !abbreviation {
                return from + offset + 1;
            }
        }
    }
    limit
}

/// Where the sentence that contains `to` starts, no earlier than `floor`.
fn sentence_start(body: &str, floor: usize, to: usize) -> usize {
    let text = &body[floor..to];
    text.char_indices()
        .rev()
        .find(|&(offset, c)| {
            matches!(c, '.' | '!' | '?') && text[offset + 1..].starts_with(' ') && {
                let word_before = text[..offset].rsplit(' ').next().unwrap_or("");
                !(word_before.len() <= 3
                    && word_before.chars().next().is_some_and(char::is_uppercase))
            }
        })
        .map_or(floor, |(offset, _)| floor + offset + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::enrich::{organisations, people};

    /// The quotation spans found trying every character, which the byte search must agree with.
    fn spans_by_walking(paragraph: &str) -> Vec<(usize, usize, usize, usize, bool)> {
        let mut spans = Vec::new();
        let mut skip_to = 0;
        for (index, _) in paragraph.char_indices() {
            if index < skip_to {
                continue;
            }
            if let Some(span) = quotation_at(paragraph, index, 0) {
                skip_to = span.outer_end;
                spans.push((
                    span.start,
                    span.end,
                    span.outer_start,
                    span.outer_end,
                    span.closed,
                ));
            }
        }
        spans
    }

    proptest::proptest! {
        #[test]
        fn the_byte_search_finds_the_spans_a_character_walk_finds(
            paragraph in crate::story::text::text_of_pieces(
                vec![
                    "said", " ", "\"", "“", "”", "„", "«", "»", "’", "—", "é", "Â", "(", "\u{a0}",
                ],
                40,
            ),
        ) {
            let found: Vec<_> = quotation_spans(&paragraph, 0)
                .into_iter()
                .map(|s| (s.start, s.end, s.outer_start, s.outer_end, s.closed))
                .collect();
            proptest::prop_assert_eq!(found, spans_by_walking(&paragraph));
        }
    }

    fn quotes(body: &str) -> Vec<(String, String)> {
        let text = crate::story::text::Text::new(body);
        let organisations = organisations::find_organisations(&text, &[], None);
        let people = people::find_people(&text, &[], &organisations, &[], None);
        find_quotes(&text, &people, &organisations)
            .into_iter()
            .map(|q| (q.speaker, q.text))
            .collect()
    }

    #[test]
    fn a_reaction_is_an_attribution() {
        let body = "« On a montré qu'on pouvait rivaliser avec les meilleurs », a réagi l'entraîneur Luis Enrique.";
        assert_eq!(
            quotes(body),
            [(
                "Luis Enrique".to_owned(),
                "On a montré qu'on pouvait rivaliser avec les meilleurs".to_owned()
            )]
        );
    }

    #[test]
    fn the_pontiff_is_the_pope_last_named() {
        let body = "Pope Francis spoke from the loggia. “May the weapons fall silent everywhere,” the pontiff said.";
        assert_eq!(
            quotes(body),
            [(
                "Pope Francis".to_owned(),
                "May the weapons fall silent everywhere".to_owned()
            )]
        );
    }

    #[test]
    fn speaker_after_before_and_continued() {
        let body = "Mayor Jane Holloway spoke on Monday. “We will rebuild every single home here,” Holloway said. “Nobody will be left without a roof.”\n\nPolice chief Tom Avery told reporters that the town would “stay closed to traffic until the weekend at least.”";
        assert_eq!(
            quotes(body),
            vec![
                (
                    "Jane Holloway".into(),
                    "We will rebuild every single home here".into()
                ),
                (
                    "Jane Holloway".into(),
                    "Nobody will be left without a roof.".into()
                ),
                (
                    "Tom Avery".into(),
                    "stay closed to traffic until the weekend at least.".into()
                ),
            ]
        );
    }

    #[test]
    fn pronouns_roles_and_organisations() {
        let body = "Rosa Lindqvist runs a bakery. \"The power cuts have cost me three days of work,\" she said.\n\n„Wir werden die Preise nicht weiter erhöhen können“, sagte der Sprecher.\n\nThe Northwind Shipping Company said in a statement that the delays \"were caused by weather beyond anyone's control.\"";
        assert_eq!(
            quotes(body),
            vec![
                (
                    "Rosa Lindqvist".into(),
                    "The power cuts have cost me three days of work".into()
                ),
                (
                    "Rosa Lindqvist".into(),
                    "Wir werden die Preise nicht weiter erhöhen können".into()
                ),
                (
                    "Northwind Shipping Company".into(),
                    "were caused by weather beyond anyone's control.".into()
                ),
            ]
        );
    }

    #[test]
    fn a_role_between_an_organisation_and_the_verb_is_the_speaker() {
        let body = "Le président Bassirou Diomaye Faye a dissous l'Assemblée. Dans une adresse diffusée par la Radiodiffusion télévision sénégalaise (RTS), le chef de l'État a expliqué vouloir « doter le pays d'une majorité conforme au choix du peuple ».";
        assert_eq!(
            quotes(body),
            vec![(
                "Bassirou Diomaye Faye".into(),
                "doter le pays d'une majorité conforme au choix du peuple".into()
            )]
        );
    }

    #[test]
    fn a_sentence_quoted_after_a_colon_is_the_words_of_the_colons_speaker() {
        let body = "ÖVP-Chef Karl Nehammer sagte nach dem Treffen: „Wir sind noch nicht am Ziel, aber auf einem guten Weg.“ SPÖ-Vorsitzender Andreas Babler forderte eine Abgabe.";
        assert_eq!(
            quotes(body),
            vec![(
                "Karl Nehammer".into(),
                "Wir sind noch nicht am Ziel, aber auf einem guten Weg.".into()
            )]
        );
    }

    #[test]
    fn a_sentence_quoted_after_a_colon_with_no_verb_is_the_sole_persons() {
        let body = "Personalvorstand Jonas Kessler begrüßte den Schritt: „Das ist ein gutes Signal für unsere Fahrgäste.“ Jonas Kessler und Ana Ruiz trafen sich: „Wir haben lange über alles gesprochen.“";
        assert_eq!(
            quotes(body),
            vec![(
                "Jonas Kessler".into(),
                "Das ist ein gutes Signal für unsere Fahrgäste.".into()
            )]
        );
    }

    #[test]
    fn an_organisation_beside_a_pronoun_is_whom_they_told_not_the_speaker() {
        let body = "Christine Fréchette a suspendu le projet. « Nous ne construirons pas sans les Innus », a-t-elle déclaré à l'Assemblée nationale. Governor Kathy Hochul spoke later. \"We will not back down on this,\" she told Reuters.";
        assert_eq!(
            quotes(body),
            vec![
                (
                    "Christine Fréchette".into(),
                    "Nous ne construirons pas sans les Innus".into()
                ),
                (
                    "Kathy Hochul".into(),
                    "We will not back down on this".into()
                ),
            ]
        );
    }

    #[test]
    fn the_subject_before_the_verb_speaks_not_whom_the_reported_words_are_about() {
        let body = "U.S. District Judge Madeline Cox Arleo said Marcus Bellamy, 58, had \"sold the trust of an entire city and its people.\" Bellamy pleaded guilty.";
        assert_eq!(quotes(body)[0].0, "Madeline Cox Arleo");
    }

    #[test]
    fn a_role_right_after_the_verb_speaks_before_a_person_named_later() {
        let body = "El presidente Javier Milei habló. \"La inflación se está muriendo por fin\", escribió el mandatario en la red social X. El ministro Luis Caputo dijo otra cosa.";
        assert_eq!(quotes(body)[0].0, "Javier Milei");
        let body = "Le débat a repris. « C'est un budget de responsabilité », a déclaré la ministre de la Santé, Geneviève Darrieussecq, devant les députés.";
        assert_eq!(quotes(body)[0].0, "Geneviève Darrieussecq");
        // A person named further on in the same sentence is not the role's holder.
        let body = "La présidente du Conseil, Giorgia Meloni, a parlé mardi. « Les Italiens ont le droit de choisir », a lancé la dirigeante du parti, sous les applaudissements des alliés de Matteo Salvini.";
        assert_eq!(quotes(body)[0].0, "Giorgia Meloni");
    }

    #[test]
    fn someone_unnamed_who_speaks_to_an_organisation_is_anonymous() {
        let body = "Typhoon Ragasa hit Taiwan. \"The water came down like a wall,\" a villager told the Central News Agency. \"We are ready for the next storm,\" a Ryanair spokesman said.";
        let found = quotes(body);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Ryanair");
    }

    #[test]
    fn a_committee_after_its_article_stands_for_the_organisation_last_named() {
        let body = "O Comitê de Política Monetária (Copom) manteve a taxa. \"O cenário segue marcado por elevada incerteza\", afirmou o colegiado em comunicado.";
        assert_eq!(quotes(body)[0].0, "Comitê de Política Monetária");
    }

    #[test]
    fn a_nationality_after_its_article_stands_for_the_person_last_named() {
        for (body, speaker) in [
            ("Jannik Sinner lost in four sets. \"It hurts, but I am proud of how I played,\" the Italian told reporters.", "Jannik Sinner"),
            ("Lionel Messi marcó dos goles. \"Fue una noche especial para todos nosotros\", dijo el argentino.", "Lionel Messi"),
            ("Dominic Thiem hat seine Karriere beendet. „Es war eine wunderschöne Zeit für mich“, sagte der Österreicher.", "Dominic Thiem"),
            ("Claudia Sheinbaum presentó el plan. \"No vamos a dejar a ninguna familia sin agua\", afirmó la mandataria.", "Claudia Sheinbaum"),
            ("Carlos Alcaraz a gagné. « J'ai joué mon meilleur tennis de la saison », a déclaré l’Espagnol.", "Carlos Alcaraz"),
            ("Carlos Alcaraz a gagné. « J'ai joué mon meilleur tennis de la saison », a déclaré l'Espagnol.", "Carlos Alcaraz"),
        ] {
            let found = quotes(body);
            assert_eq!(found.len(), 1, "{body}");
            assert_eq!(found[0].0, speaker, "{body}");
        }
        // A country is no speaker: the people named before do not say what it says.
        let body = "Ignazio Cassis a reçu son homologue. « Nous resterons neutres dans ce conflit », a déclaré la Suisse.";
        assert!(quotes(body).is_empty(), "{:?}", quotes(body));
    }

    #[test]
    fn a_pronoun_joined_to_the_verb_by_french_inversion() {
        let body = "Le président Macky Sall a quitté le pouvoir. \"Je souhaite plein succès à mon successeur\", a-t-il dit.";
        assert_eq!(
            quotes(body),
            vec![(
                "Macky Sall".into(),
                "Je souhaite plein succès à mon successeur".into()
            )]
        );
    }

    #[test]
    fn a_german_compound_role_after_its_article_stands_for_the_person_last_named() {
        let body = "Robert Habeck (Grüne) betonte den Plan. «Es geht um die Energiewende und um Tausende Arbeitsplätze», sagte der Vizekanzler in Berlin.";
        assert_eq!(
            quotes(body),
            vec![(
                "Robert Habeck".into(),
                "Es geht um die Energiewende und um Tausende Arbeitsplätze".into()
            )]
        );
    }

    #[test]
    fn a_quotation_that_closes_a_sentence_is_not_attributed_in_the_next() {
        let body = "Justice Rebecca Bradley, writing for the dissent, accused the majority of \"rewriting the law to suit its own preferences.\" Speaker Robin Vos said the court had overstepped.\n\n\"We will appeal this ruling before the end of the year.\" Robin Vos said so in a statement.";
        assert_eq!(
            quotes(body),
            vec![(
                "Robin Vos".into(),
                "We will appeal this ruling before the end of the year.".into()
            )]
        );
    }

    #[test]
    fn a_civil_servant_named_before_stands_for_the_speaker() {
        let body = "La directora de la compañía eléctrica, Emilia Calleja, explicó el programa. \"Son obras que tardarán entre tres y cinco años\", detalló la funcionaria.";
        assert_eq!(
            quotes(body),
            vec![(
                "Emilia Calleja".into(),
                "Son obras que tardarán entre tres y cinco años".into()
            )]
        );
    }

    #[test]
    fn scare_quotes_and_anonymous_or_unattributed_quotes_are_not_listed() {
        let body = "Officials called it a “historic step” for the region. “This is a long sentence with nobody to say it.”\n\nAna Reyes runs the shop. “I found out when my laptop stopped working at eight,” said one clerk, who asked not to be named because she feared for her job.";
        assert!(quotes(body).is_empty());
    }

    #[test]
    fn short_spoken_sentences_with_their_own_attribution_are_listed() {
        let body = "Lena Marsh lost the vote. “We will fight on,” Marsh told reporters. “Not this year.”\n\nHer deputy, Omar Field, called the result a “bitter pill.” Field said he would “stay on.”";
        // Four words ending in a comma inside the marks, attributed: listed. Three that only
        // continue the speaker, two words, or a phrase ending with its last word are not.
        assert_eq!(
            quotes(body),
            vec![("Lena Marsh".into(), "We will fight on".into())]
        );
    }

    #[test]
    fn a_short_spoken_sentence_right_after_the_dateline_opens_its_sentence() {
        // The comma stands outside the marks: the quotation is spoken because it opens its
        // sentence, and the text after a dateline's dash opens one.
        let body = "WIEN (dpa) - „Wir brauchen Stabilität“, sagte Anna Maria Weber. \
                    Sie nannte das „eine Zeitenwende“, sagte Weber.";
        assert_eq!(
            quotes(body),
            vec![("Anna Maria Weber".into(), "Wir brauchen Stabilität".into())]
        );
    }

    #[test]
    fn a_speaker_called_by_one_word_of_a_long_name_is_that_person() {
        let body = "O presidente Rui Lopes Vaz da Costa anunciou o pacote. \"Ninguém vai ficar para trás nesta crise\", disse Lopes durante cerimônia no Palácio do Governo.";
        assert_eq!(
            quotes(body),
            vec![(
                "Rui Lopes Vaz da Costa".into(),
                "Ninguém vai ficar para trás nesta crise".into()
            )]
        );
    }

    #[test]
    fn a_short_spoken_sentence_may_keep_its_comma_outside_the_marks() {
        let body = "Rui Lopes Vaz perdeu a votação. «Vamos continuar a lutar», disse Vaz aos jornalistas.\n\nA deputada Ana Costa chamou-lhe «um golpe muito duro», disse ela. \"Das war knapp\", sagte Costa.";
        // Opening its sentence, with the comma after the marks and an attribution: listed. The
        // same after other words of the sentence is a phrase quoted inside it.
        assert_eq!(
            quotes(body),
            vec![
                ("Rui Lopes Vaz".into(), "Vamos continuar a lutar".into()),
                ("Ana Costa".into(), "Das war knapp".into()),
            ]
        );
    }

    #[test]
    fn a_quotation_after_another_named_subject_does_not_continue_the_last_speaker() {
        let body = "Prime Minister Carla Ruiz won the vote. “The country needs stability and not another election,” Ruiz said. Opposition leader Tomas Berg accused her of “selling the country piece by piece to stay in power.”";
        assert_eq!(
            quotes(body),
            vec![(
                "Carla Ruiz".into(),
                "The country needs stability and not another election".into()
            )]
        );
    }

    #[test]
    fn an_attribution_after_a_conjunction_introduces_the_next_quotation() {
        let body = "Rep. Nora Ellis of Tucson said the plan \"fails every family that cannot afford the rent,\" while Rep. Omar Pratt said it was \"the best deal we could get from this chamber.\"";
        assert_eq!(
            quotes(body),
            vec![
                (
                    "Nora Ellis".into(),
                    "fails every family that cannot afford the rent".into()
                ),
                (
                    "Omar Pratt".into(),
                    "the best deal we could get from this chamber.".into()
                ),
            ]
        );
    }

    #[test]
    fn a_role_of_another_language_stands_for_the_person_last_named() {
        let body = "A ministra da Saúde, Joana Prates Leal, falou no Porto.\n\n\"Os hospitais vão receber mais médicos já em janeiro\", afirmou a governante aos jornalistas.\n\nXavi Hernández habló. \"No entiendo cómo no se revisó esa jugada\", señaló el técnico azulgrana.";
        assert_eq!(
            quotes(body),
            vec![
                (
                    "Joana Prates Leal".into(),
                    "Os hospitais vão receber mais médicos já em janeiro".into()
                ),
                (
                    "Xavi Hernández".into(),
                    "No entiendo cómo no se revisó esa jugada".into()
                )
            ]
        );
    }

    #[test]
    fn a_role_before_an_organisation_is_the_speaker_and_the_organisation_the_setting() {
        let body = "Bundeskanzlerin Erika Vogt sprach lange. «Wir investieren in die Zukunft dieses Landes», sagte die CDU-Politikerin am Mittwoch im Bundestag.\n\nA ministra Joana Prates Leal falou no Porto. \"Queremos garantir que ninguém fica sem resposta\", afirmou a governante, citada pela agência Lusa.\n\nThe Northwind Shipping Company was fined. \"We will appeal this decision in the courts,\" the firm told Reuters.\n\n„Die Streiks gehen weiter“, sagte die Gewerkschaft Verdi.";
        assert_eq!(
            quotes(body),
            vec![
                (
                    "Erika Vogt".into(),
                    "Wir investieren in die Zukunft dieses Landes".into()
                ),
                (
                    "Joana Prates Leal".into(),
                    "Queremos garantir que ninguém fica sem resposta".into()
                ),
                (
                    "Northwind Shipping Company".into(),
                    "We will appeal this decision in the courts".into()
                ),
                ("Verdi".into(), "Die Streiks gehen weiter".into()),
            ]
        );
    }

    #[test]
    fn guillemets_with_spaces() {
        let body =
            "« Nous ne sommes pas là pour faire la fête », a lancé Pierre Vallin, céréalier.";
        assert_eq!(
            quotes(body),
            vec![(
                "Pierre Vallin".into(),
                "Nous ne sommes pas là pour faire la fête".into()
            )]
        );
    }
}
