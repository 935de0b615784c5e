//! Names written in sentence case, the way French (and often Spanish and Portuguese) copy
//! writes institutions: only the distinctive word is capitalized, so the capitalized runs the
//! other rules read see only part of the name, or none of it.
//!
//! - **Ministries**: the generic word in lower case, the portfolio capitalized: "le ministère
//!   des Armées", "le ministère russe de la Défense", "el ministerio de Economía", "o
//!   ministério da Saúde".
//! - **French institutions**: a capitalized head and lower-case adjectives: "le Conseil
//!   constitutionnel", "la Banque centrale européenne", "le Parti socialiste".

use super::{Found, Token, CONJUNCTIONS, CONNECTORS};
use crate::story::enrich::places::Place;
use crate::story::enrich::WordList;

/// The generic word of a ministry, in lower case.
static MINISTRY_WORDS: WordList = WordList::new(&["ministère", "ministerio", "ministério"]);

/// Lower-case adjectives that belong to a French portfolio or institution: "Affaires
/// étrangères", "Transition écologique", "Conseil constitutionnel", "Banque centrale
/// européenne". A closed list: any other lower-case word after a capitalized one ("des Armées
/// mardi") ends the name.
static INSTITUTION_ADJECTIVES: WordList = WordList::new(&[
    "étrangères",
    "étrangers",
    "extérieures",
    "publique",
    "publiques",
    "publics",
    "écologique",
    "solidaire",
    "numérique",
    "économique",
    "industrielle",
    "territoriale",
    "territoriales",
    "sociale",
    "sociales",
    "social",
    "national",
    "nationale",
    "constitutionnel",
    "constitutionnelle",
    "européen",
    "européenne",
    "central",
    "centrale",
    "suprême",
    "fédéral",
    "fédérale",
    "général",
    "générale",
    "régional",
    "régionale",
    "municipal",
    "municipale",
    "départemental",
    "départementale",
    "supérieur",
    "supérieure",
    "international",
    "internationale",
    "mondial",
    "mondiale",
    "militaire",
    "civile",
    "administratif",
    "administrative",
    "pénale",
    "socialiste",
    "communiste",
    "écologiste",
    "populaire",
    "républicain",
    "démocrate",
]);

/// French heads of institutions that take lower-case adjectives.
static FRENCH_HEADS: WordList = WordList::new(&[
    "Conseil",
    "Assemblée",
    "Cour",
    "Banque",
    "Parti",
    "Agence",
    "Autorité",
    "Commission",
    "Office",
    "Caisse",
    "Institut",
    "Tribunal",
    "Parquet",
    "Rassemblement",
    "Front",
    "Sécurité",
]);

/// Ministries named with a lower-case generic word; for French copy (`french`) also
/// institutions named by a capitalized head and lower-case adjectives. `places` are the
/// places found in the story: none of them is a portfolio.
pub(super) fn sentence_case_names(
    body: &str,
    tokens: &[Token<'_>],
    places: &[Place],
    french: bool,
) -> Vec<Found> {
    let mut found = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        let end = if MINISTRY_WORDS.contains(token.text) {
            portfolio_end(tokens, index, places)
        } else if french && FRENCH_HEADS.contains(token.text) {
            adjectives_end(tokens, index)
        } else {
            None
        };
        if let Some(last) = end {
            found.push(Found {
                name: body[token.start..tokens[last].end].to_owned(),
                start: token.start,
                end: tokens[last].end,
                alias_of: None,
            });
        }
    }
    found
}

/// The last token of the portfolio after the ministry word at `index`: one lower-case
/// qualifier may come first ("ministère russe de"), then connectors, then capitalized words,
/// joined by connectors and followed by institution adjectives ("des Affaires étrangères et
/// du Développement international").
fn portfolio_end(tokens: &[Token<'_>], index: usize, places: &[Place]) -> Option<usize> {
    let mut at = index + 1;
    let ended = |at: usize| tokens[at - 1].ends_name;
    if tokens.get(at).is_some_and(|t| is_qualifier(t.text)) && !ended(at) {
        at += 1;
    }
    let mut last = None;
    loop {
        let connectors_from = at;
        while tokens.get(at).is_some_and(|t| CONNECTORS.contains(t.text)) && !ended(at) {
            at += 1;
        }
        // A portfolio word, after connectors.
        let joined = at > connectors_from;
        if !(joined && tokens.get(at).is_some_and(|t| t.capitalized) && !ended(at)) {
            break;
        }
        last = Some(at);
        at += 1;
        while tokens.get(at).is_some_and(|t| {
            (t.capitalized && !t.after_punctuation || INSTITUTION_ADJECTIVES.contains(t.text))
                && !ended(at)
        }) {
            last = Some(at);
            at += 1;
        }
        if tokens.get(at).is_none() || ended(at) {
            // "de Agricultura, Pesca y Alimentación": a comma inside a list of portfolios.
            if tokens[at - 1].before_comma {
                last = listed_portfolios_end(tokens, at, places).or(last);
            }
            break;
        }
    }
    last
}

/// After a portfolio and its comma at `at`, the last token of the list it belongs to when the
/// list closes with a conjunction and one more portfolio ("Pesca y Alimentación", "des
/// Finances et de la Souveraineté industrielle"); none when the comma ends the name, or when
/// the list goes on with places ("según el ministerio de Sanidad, Cataluña y Madrid…").
fn listed_portfolios_end(tokens: &[Token<'_>], mut at: usize, places: &[Place]) -> Option<usize> {
    /// Lists of more portfolios than this are read as ending the name at the first comma.
    const MAX_ITEMS: usize = 6;
    for _ in 0..MAX_ITEMS {
        let mut closing = false;
        while let Some(connector) = tokens
            .get(at)
            .filter(|t| CONNECTORS.contains(t.text) && !t.ends_name)
        {
            closing |= CONJUNCTIONS.contains(connector.text);
            at += 1;
        }
        tokens
            .get(at)
            .filter(|t| t.capitalized && !t.after_punctuation)
            .filter(|t| !places.iter().any(|place| place.name == t.text))?;
        while !tokens[at].ends_name
            && tokens.get(at + 1).is_some_and(|t| {
                t.capitalized && !t.after_punctuation || INSTITUTION_ADJECTIVES.contains(t.text)
            })
        {
            at += 1;
        }
        if closing {
            return Some(at);
        }
        let next_is_conjunction = || {
            tokens
                .get(at + 1)
                .is_some_and(|t| CONJUNCTIONS.contains(t.text))
        };
        if !(tokens[at].before_comma || !tokens[at].ends_name && next_is_conjunction()) {
            return None;
        }
        at += 1;
    }
    None
}

/// The last institution adjective after the head at `index`, when one follows it: "Conseil
/// constitutionnel", "Banque centrale européenne".
fn adjectives_end(tokens: &[Token<'_>], index: usize) -> Option<usize> {
    let mut last = None;
    let mut at = index + 1;
    while tokens
        .get(at)
        .is_some_and(|t| INSTITUTION_ADJECTIVES.contains(t.text) && !tokens[at - 1].ends_name)
    {
        last = Some(at);
        at += 1;
    }
    last
}

/// Whether a lower-case word after a ministry word can qualify it ("russe", "ruso",
/// "brasileiro", "fédéral"): not a function word of any language (`a`, `ne`, `que`) nor a past
/// participle, which is the verb of the sentence ("le ministère annoncé").
fn is_qualifier(word: &str) -> bool {
    word.chars().count() > 3
        && word.chars().all(char::is_lowercase)
        && !crate::story::enrich::keywords::is_stop_word_in_any(word)
        && !["é", "ée", "és", "ées", "ado", "ada", "ido", "ida"]
            .iter()
            .any(|ending| word.ends_with(ending))
}

#[cfg(test)]
mod tests {
    use crate::story::enrich::organisations::find_organisations;
    use crate::story::enrich::places::Place;
    use crate::story::text::Text;

    fn names(body: &str, language: &str) -> Vec<String> {
        names_beside_places(body, language, &[])
    }

    fn names_beside_places(body: &str, language: &str, places: &[&str]) -> Vec<String> {
        let places: Vec<Place> = places.iter().map(|name| Place::named(name)).collect();
        find_organisations(&Text::new(body), &places, Some(language))
            .into_iter()
            .map(|o| o.name)
            .collect()
    }

    #[test]
    fn ministries_with_a_lower_case_generic_word() {
        let found = names(
            "Le ministère des Armées a confirmé jeudi la commande. Le ministère russe de la \
             Défense a démenti, et le ministère des Affaires étrangères, lui, s'est tu.",
            "fr",
        );
        assert_eq!(
            found,
            [
                "ministère des Armées",
                "ministère russe de la Défense",
                "ministère des Affaires étrangères"
            ]
        );
        let found = names(
            "El ministerio de Economía y Hacienda respondió. O ministério da Saúde disse.",
            "es",
        );
        assert_eq!(
            found,
            ["ministerio de Economía y Hacienda", "ministério da Saúde"]
        );
        // A list of portfolios is one ministry when a conjunction closes it; a comma that
        // does not, or a list of places, is the name's end.
        let found = names_beside_places(
            "Según el ministerio de Agricultura, Pesca y Alimentación, llovió. Le ministère de \
             l'Économie, des Finances et de la Souveraineté industrielle a répondu. Según el \
             ministerio de Sanidad, Cataluña y Madrid suman 40 casos.",
            "es",
            &["Cataluña", "Madrid"],
        );
        assert_eq!(
            found,
            [
                "ministerio de Agricultura, Pesca y Alimentación",
                "ministère de l'Économie, des Finances et de la Souveraineté industrielle",
                "ministerio de Sanidad"
            ]
        );
        // The portfolio ends where the capitalized words and the portfolio adjectives do.
        let found = names(
            "Selon le ministère de l'Intérieur mardi, le calme revient.",
            "fr",
        );
        assert_eq!(found, ["ministère de l'Intérieur"]);
    }

    #[test]
    fn a_ministry_word_without_a_portfolio_names_nothing() {
        for body in [
            "Le ministère a annoncé des mesures pour Paris.",
            "Le ministère annoncé en Mai a été créé.",
            "Un ministère, Le Monde l'a appris, sera supprimé.",
            "Le porte-parole du ministère Pierre Martin a démenti.",
        ] {
            assert_eq!(names(body, "fr"), Vec::<String>::new(), "{body}");
        }
    }

    #[test]
    fn french_institutions_named_by_a_head_and_its_adjectives() {
        let found = names(
            "Le Conseil constitutionnel a validé la loi. La Banque centrale européenne a \
             maintenu ses taux, et le Parti socialiste a protesté contre le budget de la \
             Sécurité sociale.",
            "fr",
        );
        assert_eq!(
            found,
            [
                "Conseil constitutionnel",
                "Banque centrale européenne",
                "Parti socialiste",
                "Sécurité sociale"
            ]
        );
        // A head without an institution adjective, or in English copy, is left to the other
        // rules.
        assert_eq!(
            names("Le Conseil a voté. La Cour a tranché.", "fr"),
            Vec::<String>::new()
        );
        assert_eq!(
            names("The Office national des forêts ruled.", "en"),
            Vec::<String>::new()
        );
    }
}
