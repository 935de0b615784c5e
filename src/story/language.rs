//! Which human language a story is written in.
//!
//! The five languages the stage enriches are told apart by their function words: in running
//! news text a quarter or more of the words are articles, prepositions and pronouns, and lists
//! of the ones no other of the five languages shares ("the", "los", "des", "und", "não") settle
//! the question from the first couple of hundred words at the cost of one look-up per word.
//! Text those lists do not settle clearly (another language, a short or mixed text) goes to
//! whatlang, which knows some seventy languages but costs far more.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use super::text::Text;

/// Below this whatlang confidence the guess is left out rather than published.
const MIN_CONFIDENCE: f64 = 0.5;
/// whatlang reads this many bytes of the body at most: a few sentences decide the language as
/// well as the whole story does, and detection cost grows with the text.
const SAMPLE_BYTES: usize = 1_000;
/// The function-word vote reads this many words at most.
const SAMPLE_WORDS: usize = 200;
/// The vote decides only with this many function words of the winning language …
const MIN_VOTES: usize = 6;
/// … or this many when no other of the five languages has a single one. A brief of two or three
/// sentences rarely has six, and whatlang, which would get it otherwise, scores every language's
/// trigram profile whatever the text's length (about 770k instructions: four times the rest of
/// the stage for a brief) and guesses worse than the vote on so little text …
const MIN_UNCONTESTED_VOTES: usize = 4;
/// … in either case making at least this share of the words read (English news runs near 40%,
/// the other four near 30%; a language the lists do not cover rarely reaches 5% in any of them) …
const MIN_SHARE: f64 = 0.12;
/// … and this many times the runner-up's votes.
const MIN_LEAD: usize = 3;

/// Function words of each language that the other four never or rarely use as words of their
/// own (so "a", "de", "la", "que", "en", "in" are in no list).
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "of", "and", "to", "is", "that", "for", "it", "with", "by", "at", "from", "his",
            "her", "which", "are", "were", "have", "has", "had", "be", "been", "this", "not",
            "they", "said", "would", "will", "their", "its", "after", "who", "about", "than",
            "but", "or", "we", "he", "she",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "al", "y", "su", "sus", "dijo", "fue", "pero", "más",
            "también", "hay", "muy", "años", "cuando", "ya", "según", "tras", "donde", "están",
            "han", "ese", "esa", "hasta", "mientras", "sin", "había", "así", "aunque", "ha",
        ],
    ),
    (
        "fr",
        &[
            "les", "des", "du", "une", "et", "est", "dans", "pour", "qui", "sur", "avec", "au",
            "aux", "pas", "ont", "été", "sont", "ce", "cette", "ils", "elle", "plus", "leur",
            "selon", "avait", "être", "aussi", "depuis", "ses", "lui", "où", "ces", "après",
            "d'un", "d'une", "l'a", "n'est", "c'est", "qu'il",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "den", "dem", "nicht", "ist", "mit", "sich", "auf", "für", "ein",
            "eine", "einen", "einer", "im", "zu", "von", "wird", "werden", "wurde", "auch", "sie",
            "bei", "nach", "aus", "hat", "sind", "noch", "nur", "über", "dass", "als", "wie",
            "oder", "am", "vor", "sagte", "zum", "zur",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "do", "da", "dos", "não", "em", "uma", "com", "ao", "à", "pelo", "pela",
            "foi", "são", "também", "seu", "sua", "disse", "já", "ele", "ela", "nas", "num",
            "numa", "pelos", "pelas", "após", "até", "quando", "eles", "isso", "essa", "esse", "é",
            "há", "foram", "ainda", "e",
        ],
    ),
];

/// A detected language: ISO 639-1 code and confidence (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detected {
    pub code: &'static str,
    pub confidence: f64,
}

/// The ISO 639-1 code of the body's language, when it can be told with confidence.
pub fn detect_language(text: &Text<'_>) -> Option<Detected> {
    by_function_words(text).or_else(|| by_whatlang(text.body()))
}

/// Function word → the languages (indexes into `FUNCTION_WORDS`) that list it. Elided forms
/// are listed with both apostrophes news text uses ("c'est", "c’est").
fn function_words() -> &'static FxHashMap<String, Vec<usize>> {
    static INDEX: OnceLock<FxHashMap<String, Vec<usize>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (language, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
            for word in *words {
                index.entry((*word).to_owned()).or_default().push(language);
                if word.contains('\'') {
                    index
                        .entry(word.replace('\'', "’"))
                        .or_default()
                        .push(language);
                }
            }
        }
        index
    })
}

/// Builds the function-word index now rather than on the first story.
pub fn prepare() {
    function_words();
}

/// The language whose function words clearly dominate the first words of the body.
fn by_function_words(text: &Text<'_>) -> Option<Detected> {
    let index = function_words();
    let read = text.words().len().min(SAMPLE_WORDS);
    let mut votes = [0usize; FUNCTION_WORDS.len()];
    for word in 0..read {
        if let Some(languages) = index.get(text.lower_word(word)) {
            for &language in languages {
                votes[language] += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, usize)> = votes.iter().copied().enumerate().collect();
    ranked.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    let (winner, best) = ranked[0];
    let runner_up = ranked[1].1;
    let uncontested = best >= MIN_UNCONTESTED_VOTES && runner_up == 0;
    let decided = (best >= MIN_VOTES || uncontested)
        && best as f64 >= MIN_SHARE * read as f64
        && best >= MIN_LEAD * runner_up;
    decided.then(|| Detected {
        code: FUNCTION_WORDS[winner].0,
        // The winner's share of the votes cast for the two front-runners, two decimals.
        confidence: (100.0 * best as f64 / (best + runner_up) as f64).round() / 100.0,
    })
}

/// whatlang's guess over the first `SAMPLE_BYTES` of the body.
fn by_whatlang(body: &str) -> Option<Detected> {
    let mut end = body.len().min(SAMPLE_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&body[..end])?;
    if !info.is_reliable() && info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    let code = isolang::Language::from_639_3(info.lang().code())?.to_639_1()?;
    // Two decimals: the record stays byte-stable and the figure is not more precise than that.
    let confidence = (info.confidence() * 100.0).round() / 100.0;
    Some(Detected { code, confidence })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(body: &str) -> Option<Detected> {
        detect_language(&Text::new(body))
    }

    #[test]
    fn single_sentences_of_the_enriched_languages() {
        let cases = [
            ("en", "The central bank held interest rates steady on Wednesday, citing inflation that remains above its target."),
            ("es", "El banco central mantuvo las tasas de interés sin cambios el miércoles, citando una inflación que sigue por encima de su meta."),
            ("de", "Die Zentralbank hat die Zinsen am Mittwoch unverändert gelassen und verwies auf die weiterhin hohe Inflation."),
            ("fr", "La banque centrale a maintenu ses taux d'intérêt mercredi, invoquant une inflation toujours supérieure à son objectif."),
            ("pt", "O banco central manteve as taxas de juro inalteradas na quarta-feira, citando uma inflação que continua acima da meta."),
        ];
        for (code, text) in cases {
            let detected = detect(text).expect("detected");
            assert_eq!(detected.code, code, "{text}");
            assert!((0.5..=1.0).contains(&detected.confidence), "{detected:?}");
        }
    }

    /// Each text's language, as the function-word vote alone decides it.
    fn assert_decided_by_the_vote(cases: &[(&str, &str)]) {
        for (code, text) in cases {
            let decided = by_function_words(&Text::new(text));
            assert_eq!(decided.map(|d| d.code), Some(*code), "{text}");
        }
    }

    #[test]
    fn paragraphs_are_decided_by_their_function_words() {
        let cases = [
            ("en", "The council said on Monday that it would close the old bridge for repairs after engineers found cracks in two of its supports. Drivers will have to use the ring road, which is expected to add twenty minutes to their journey, the council said."),
            ("es", "El ayuntamiento anunció el lunes que cerrará el puente viejo para repararlo, después de que los ingenieros encontraran grietas en dos de sus pilares. Los conductores tendrán que usar la circunvalación, lo que añadirá veinte minutos a sus trayectos, según el ayuntamiento."),
            ("fr", "La mairie a annoncé lundi qu'elle fermera le vieux pont pour des travaux, après que des ingénieurs ont trouvé des fissures dans deux de ses piliers. Les automobilistes devront emprunter le périphérique, ce qui ajoutera vingt minutes à leur trajet, selon la mairie."),
            ("de", "Die Stadt hat am Montag angekündigt, dass sie die alte Brücke für Reparaturen schließen wird, nachdem Ingenieure Risse in zwei der Pfeiler gefunden haben. Autofahrer müssen auf die Ringstraße ausweichen, was ihre Fahrt um zwanzig Minuten verlängern wird, teilte die Stadt mit."),
            ("pt", "A câmara anunciou na segunda-feira que vai fechar a ponte velha para obras, depois de os engenheiros terem encontrado fissuras em dois dos seus pilares. Os condutores terão de usar a circular, o que vai acrescentar vinte minutos ao trajeto, segundo a câmara."),
        ];
        assert_decided_by_the_vote(&cases);
    }

    #[test]
    fn briefs_with_a_few_function_words_of_one_language_only_are_decided_by_the_vote() {
        // Four or five function words, none of another language's list.
        let cases = [
            ("en", "A bridge in the old town was closed on Friday after inspectors found cracks. Repairs are expected to take three weeks."),
            ("es", "El puente del casco antiguo fue cerrado tras hallar grietas. Las obras durarán tres semanas."),
            ("de", "Die Brücke in der Altstadt wurde nach Rissen gesperrt. Reparaturen dauern drei Wochen."),
        ];
        assert_decided_by_the_vote(&cases);
    }

    #[test]
    fn a_brief_with_another_languages_function_word_too_is_not_decided_by_the_vote() {
        // Five English function words ("said", "the" twice, "of", "by") and one German ("die"):
        // fewer than six, and contested.
        let text = "Officials said the slogan \"die hard\" was painted on the wall of a depot by vandals overnight.";
        assert_eq!(by_function_words(&Text::new(text)), None);
    }

    #[test]
    fn other_languages_fall_back_to_whatlang() {
        let cases = [
            ("it", "Il comune ha annunciato lunedì che chiuderà il vecchio ponte per lavori, dopo che gli ingegneri hanno trovato delle crepe in due dei suoi piloni. Gli automobilisti dovranno usare la tangenziale, il che aggiungerà venti minuti al loro tragitto, secondo il comune."),
            ("nl", "De gemeente heeft maandag aangekondigd dat zij de oude brug voor reparaties zal sluiten, nadat ingenieurs scheuren in twee van de pijlers hadden gevonden. Automobilisten moeten de ringweg gebruiken, wat twintig minuten aan hun rit toevoegt, aldus de gemeente."),
            ("ru", "Городской совет в понедельник объявил, что закроет старый мост на ремонт после того, как инженеры обнаружили трещины в двух его опорах."),
        ];
        for (code, text) in cases {
            assert_eq!(by_function_words(&Text::new(text)), None, "{text}");
            assert_eq!(detect(text).map(|d| d.code), Some(code), "{text}");
        }
    }

    #[test]
    fn no_guess_without_text() {
        assert_eq!(detect("12345 --- 678"), None);
    }
}
