//! Which human language a story is written in.

/// Below this whatlang confidence the guess is left out rather than published.
const MIN_CONFIDENCE: f64 = 0.5;
/// Detection reads this many bytes of the body at most: a few sentences decide the language as
/// well as the whole story does, and detection cost grows with the text.
const SAMPLE_BYTES: usize = 1_000;

/// A detected language: ISO 639-1 code and whatlang's confidence (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detected {
    pub code: &'static str,
    pub confidence: f64,
}

/// The ISO 639-1 code of the text's language, when it can be told with confidence.
pub fn detect_language(text: &str) -> Option<Detected> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
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

    #[test]
    fn common_news_languages() {
        let cases = [
            ("en", "The central bank held interest rates steady on Wednesday, citing inflation that remains above its target."),
            ("es", "El banco central mantuvo las tasas de interés sin cambios el miércoles, citando una inflación que sigue por encima de su meta."),
            ("de", "Die Zentralbank hat die Zinsen am Mittwoch unverändert gelassen und verwies auf die weiterhin hohe Inflation."),
            ("fr", "La banque centrale a maintenu ses taux d'intérêt mercredi, invoquant une inflation toujours supérieure à son objectif."),
            ("pt", "O banco central manteve as taxas de juro inalteradas na quarta-feira, citando uma inflação que continua acima da meta."),
        ];
        for (code, text) in cases {
            let detected = detect_language(text).expect("detected");
            assert_eq!(detected.code, code, "{text}");
            assert!((0.5..=1.0).contains(&detected.confidence), "{detected:?}");
        }
    }

    #[test]
    fn no_guess_without_text() {
        assert_eq!(detect_language("12345 --- 678"), None);
    }
}
