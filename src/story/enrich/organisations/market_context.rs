//! Companies whose names carry no tell-tale word ("Rio Tinto", "Mercado Libre", "Hargreaves
//! Lansdown"), told by what a story says only of companies. Without these cues such a name reads
//! like a person's: two capitalized words.
//!
//! - **Shares and stakes**: "shares in Glencore", "a stake in Activision", "Aktien von
//!   Siemens", "l'action Swatch"; and in English a name before its shares' move: "Mercado
//!   Libre shares fell". Not the Romance words for shares, which also mean actions.
//! - **What only a company has**, after its possessive: "Activision Blizzard's chief executive",
//!   "Itau Unibanco's quarterly profit", "Nvidia's market value".
//! - **The employer of a role**: "lead equity analyst at Hargreaves Lansdown", "analyste chez
//!   Vontobel", "Analyst bei Metzler", and where a market trade names its firm with "of" or "de":
//!   "analista da Ativa Investimentos", "economist of Nomura".
//!
//! A place, a month or a weekday is no company ("shares in London", "stake in January").

use super::{base, names_a_place, Found, Token, CONJUNCTIONS, OPENERS};
use crate::story::enrich::people::is_role_noun;
use crate::story::enrich::places::Place;
use crate::story::enrich::{WordList, CALENDAR, SENTENCE_ADVERBS};

/// Words of a company's name at most: longer runs are a list or a sentence's opening.
const LONGEST_NAME: usize = 4;

/// Words that, with a preposition after them, are followed by the company they are about:
/// "shares in", "stake in", "Aktien von"; capitalized too where they open a sentence. Not the
/// Romance words for shares and stakes, which also mean actions and attendance: "les actions de
/// Donald Trump", "la participación de Pedro Sánchez".
static HOLDINGS: WordList = WordList::new(&[
    "shares",
    "share",
    "stake",
    "stakes",
    "stock",
    "Aktien",
    "Aktie",
    "Anteile",
    "Beteiligung",
    "Shares",
    "Stakes",
]);

/// The prepositions between a holding and its company.
static HOLDING_PREPOSITIONS: WordList = WordList::new(&["in", "of", "von", "an"]);

/// What only a company has, after its possessive: "Nvidia's chief executive".
static COMPANY_ATTRIBUTES: WordList = WordList::new(&[
    "CEO",
    "CFO",
    "shareholders",
    "subsidiary",
    "subsidiaries",
    "headquarters",
    "profit",
    "profits",
    "revenue",
    "revenues",
    "earnings",
    "quarterly",
    "valuation",
]);

/// The same, where it takes two words: "chief executive", "market value".
const COMPANY_ATTRIBUTE_PAIRS: &[(&str, &str)] = &[
    ("chief", "executive"),
    ("chief", "financial"),
    ("chief", "operating"),
    ("market", "value"),
    ("market", "capitalisation"),
    ("market", "capitalization"),
    ("share", "price"),
    ("stock", "price"),
    ("board", "of"),
];

/// Words after a name and "shares" or "stock" that make it a market move: "Mercado Libre
/// shares fell" (and not "Josh Allen shares the lead").
static SHARE_MOVES: WordList = WordList::new(&[
    "rose", "fell", "gained", "lost", "jumped", "slid", "slipped", "dropped", "climbed", "tumbled",
    "plunged", "surged", "soared", "sank", "rallied", "edged", "were", "have", "had", "also",
    "closed", "ended", "traded", "opened", "hit", "touched", "rise", "fall", "gain", "jump",
    "slide", "slip", "drop", "climb", "tumble", "plunge", "surge", "soar", "sink", "rally",
    "extended", "pared", "briefly",
]);

/// The prepositions between a role and the firm that employs its holder, whatever the role:
/// "director at Shell", "analyste chez Vontobel", "Analyst bei Metzler".
static EMPLOYER_PREPOSITIONS: WordList = WordList::new(&["at", "chez", "bei", "with"]);

/// Market trades, whose "of" or "de" names their firm rather than a domain (unlike "minister
/// of Finance"): "analista da Ativa Investimentos".
static MARKET_TRADES: WordList = WordList::new(&[
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "trader",
    "traders",
    "analista",
    "analistas",
    "economista",
    "economistas",
    "estratega",
    "estrategista",
    "analyste",
    "analystes",
    "économiste",
    "économistes",
    "stratège",
]);

/// Prepositions that, after a market trade, name its firm.
static TRADE_PREPOSITIONS: WordList = WordList::new(&["of", "de", "del", "da", "do", "d'", "d’"]);

/// Finds the companies the story names by their shares, their attributes and their staff.
pub(super) fn market_names(body: &str, tokens: &[Token<'_>], places: &[Place]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut keep = |start: usize, end: usize| {
        if let Some(name) = company_name(body, tokens, start, end, places) {
            found.push(name);
        }
    };
    for (index, token) in tokens.iter().enumerate() {
        let next = tokens.get(index + 1);
        let linked = |prepositions: &WordList| {
            !token.ends_name && next.is_some_and(|next| prepositions.contains(next.text))
        };
        // "shares in Glencore", "a stake in Activision", "Analyst bei Metzler".
        let holding = HOLDINGS.contains(token.text) && linked(&HOLDING_PREPOSITIONS);
        // The preposition first: it turns away nearly every word before the role is asked.
        let employer = linked(&EMPLOYER_PREPOSITIONS)
            && (MARKET_TRADES.contains(token.text) || is_role_noun(&token.text.to_lowercase()));
        let trade = MARKET_TRADES.contains(token.text) && linked(&TRADE_PREPOSITIONS);
        if holding || employer || trade {
            let end = run_end_after(tokens, index + 2);
            keep(index + 2, end);
            // "shares in Rio Tinto and Glencore", "Aktien von Siemens und Bayer".
            if let Some(second) = next_item(tokens, end) {
                keep(second, run_end_after(tokens, second));
            }
        }
        // "l'action Swatch": French writes a share with its company in apposition.
        let share_in_apposition = matches!(
            token.text,
            "l'action" | "l’action" | "L'action" | "L’action"
        );
        if share_in_apposition && !token.ends_name {
            keep(index + 1, run_end_after(tokens, index + 1));
        }
        // "Activision Blizzard's chief executive".
        if base(token.text).len() < token.text.len()
            && next.is_some_and(|next| names_a_company_attribute(tokens, index + 1, next))
        {
            keep(run_start_before(tokens, index), index + 1);
        }
        // "Mercado Libre shares fell".
        let moves = matches!(token.text, "shares" | "stock")
            && !token.ends_name
            && next.is_some_and(|next| SHARE_MOVES.contains(next.text));
        if moves && index > 0 && !tokens[index - 1].ends_name {
            keep(run_start_before(tokens, index - 1), index);
        }
    }
    found
}

/// Where a second company starts after a conjunction (and a preposition) that follows the run
/// ending before `end`: "Rio Tinto and Glencore", "Siemens und Bayer".
fn next_item(tokens: &[Token<'_>], end: usize) -> Option<usize> {
    let conjunction = tokens.get(end)?;
    if end == 0 || tokens[end - 1].ends_name || !CONJUNCTIONS.contains(conjunction.text) {
        return None;
    }
    let after_preposition = tokens
        .get(end + 1)
        .filter(|token| HOLDING_PREPOSITIONS.contains(token.text) && !conjunction.ends_name)
        .map_or(end + 1, |_| end + 2);
    tokens
        .get(after_preposition)
        .is_some_and(|token| token.capitalized)
        .then_some(after_preposition)
}

/// Whether the token at `index` (and the one after it) is something only a company has.
fn names_a_company_attribute(tokens: &[Token<'_>], index: usize, token: &Token<'_>) -> bool {
    COMPANY_ATTRIBUTES.contains(token.text)
        || tokens.get(index + 1).is_some_and(|second| {
            !token.ends_name
                && COMPANY_ATTRIBUTE_PAIRS
                    .iter()
                    .any(|&(first, then)| token.text == first && second.text == then)
        })
}

/// The end (exclusive token index) of the capitalized run that starts at `start`, as far as a
/// company's name reaches: punctuation ends it.
fn run_end_after(tokens: &[Token<'_>], start: usize) -> usize {
    let mut end = start;
    while end < tokens.len()
        && end - start < LONGEST_NAME
        && tokens[end].capitalized
        && (end == start || !tokens[end - 1].ends_name && !tokens[end].after_punctuation)
    {
        end += 1;
    }
    end
}

/// The start of the capitalized run that ends with the token at `last`, not reaching back over
/// punctuation or to a word capitalized only because it opens a sentence ("The", "Even").
fn run_start_before(tokens: &[Token<'_>], last: usize) -> usize {
    let mut start = last + 1;
    while start > 0
        && last + 1 - start < LONGEST_NAME
        && tokens[start - 1].capitalized
        && !OPENERS.contains(tokens[start - 1].text)
        && !SENTENCE_ADVERBS.contains(tokens[start - 1].text)
        && (start == last + 1 || !tokens[start - 1].ends_name && !tokens[start].after_punctuation)
    {
        start -= 1;
    }
    start
}

/// The company the tokens `start..end` name, if they can name one: at least one word after an
/// article, no word of the calendar, not a place.
fn company_name(
    body: &str,
    tokens: &[Token<'_>],
    start: usize,
    end: usize,
    places: &[Place],
) -> Option<Found> {
    // "a stake in The Kestrel": the article is no part of the name.
    let start = if tokens.get(start).is_some_and(|t| OPENERS.contains(t.text)) {
        start + 1
    } else {
        start
    };
    if start >= end || end > tokens.len() {
        return None;
    }
    let run = &tokens[start..end];
    if run.iter().any(|token| CALENDAR.contains(base(token.text))) {
        return None;
    }
    let last = &run[run.len() - 1];
    let (byte_start, byte_end) = (run[0].start, last.start + base(last.text).len());
    let name = &body[byte_start..byte_end];
    let a_place = names_a_place(name) || places.iter().any(|place| place.name == name);
    (!a_place).then(|| Found {
        name: name.to_owned(),
        start: byte_start,
        end: byte_end,
        alias_of: None,
    })
}

#[cfg(test)]
mod tests {
    use crate::story::enrich::organisations::tests::names;

    #[test]
    fn shares_and_stakes_name_their_companies() {
        assert_eq!(
            names(
                "Shares in Kestrel Minerva and Dunmore fell, and a stake in Ollander Vue was sold."
            ),
            ["Kestrel Minerva", "Dunmore", "Ollander Vue"]
        );
        assert_eq!(
            names("Die Aktien von Tavora Lins und Brunet fielen."),
            ["Tavora Lins", "Brunet"]
        );
        // Actions in Romance copy are no shares.
        assert!(names("Les actions de Vasco Lemaire ont choqué.").is_empty());
        assert_eq!(
            names("Mardi, l'action Vasco Lemaire a reculé."),
            ["Vasco Lemaire"]
        );
        // A name before its shares' move, but not a person who shares something.
        assert_eq!(
            names("Analysts said Kestrel Minerva shares also fell on Monday."),
            ["Kestrel Minerva"]
        );
        assert!(names("Then Josh Allen shares the lead.").is_empty());
        assert_eq!(names("They bought a stake in The Kestrel."), ["Kestrel"]);
        // Where the shares trade is no company.
        assert!(names("Its shares in London rose.").is_empty());
    }

    #[test]
    fn what_only_a_company_has_names_it() {
        assert_eq!(
            names("Kestrel Minerva's chief executive resigned, and Dunmore Vale's quarterly profit fell."),
            ["Kestrel Minerva", "Dunmore Vale"]
        );
        // A person's possessive before other words is no company.
        assert!(names("He read Josh Allen's new book.").is_empty());
    }

    #[test]
    fn an_analyst_names_the_firm_that_employs_them() {
        assert_eq!(
            names(
                "said Ana Reis, lead analyst at Dunmore Vale, and Luc Brun, analyste chez Vontrel."
            ),
            ["Dunmore Vale", "Vontrel"]
        );
        assert_eq!(
            names("disse Ilan Ribeiro, analista da Tavora Lins."),
            ["Tavora Lins"]
        );
        // Of a domain ("minister of"), of a place, or of a month, no firm.
        for body in [
            "The minister of Finance spoke.",
            "He is an analyst at Goldman.",
            "She was an analyst in London, and shares in January rose.",
            "Analysts at Frankfurt said so.",
        ] {
            let found = names(body);
            assert!(
                !found
                    .iter()
                    .any(|n| ["Finance", "London", "January", "Frankfurt"].contains(&n.as_str())),
                "{body}: {found:?}"
            );
        }
    }
}
