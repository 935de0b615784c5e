//! Bylines to author names: "By KELSEY HARTLEY and RAMÓN ECHEVERRÍA Associated Press" →
//! ["Kelsey Hartley", "Ramón Echeverría"].

/// Words that introduce a byline, in the languages the stage reads.
const LEADS: &[&str] = &["by ", "von ", "por ", "par ", "de "];
/// Separators between names.
const SEPARATORS: &[&str] = &[" and ", " und ", " y ", " et ", " e ", " & ", ";", ","];
/// Agency and outlet names that close a byline; they are the source, not authors.
const AGENCIES: &[&str] = &[
    "the associated press",
    "associated press",
    "reuters",
    "thomson reuters",
    "afp",
    "agence france-presse",
    "dpa",
    "lusa",
    "efe",
    "ansa",
    "interfax",
    "aap",
    "bloomberg",
    "bloomberg news",
];
/// Bylines that credit a newsroom or the wires rather than a writer: "Por Redacción EFE",
/// "Par la rédaction", "By Staff and wire reports".
const NEWSROOMS: &[&str] = &[
    "redacción",
    "redação",
    "redacção",
    "rédaction",
    "la rédaction",
    "redaktion",
    "staff",
    "newsroom",
    "wire reports",
    "staff and wire reports",
    "agencias",
    "agences",
    "agências",
    "agenturen",
];
/// Role words that end a byline ("| Staff writer", ", Correspondent").
const ROLES: &[&str] = &[
    "staff writer",
    "correspondent",
    "reporter",
    "editor",
    "special to",
];

/// A byline as a statement without its lead word: "By Ana Costa" → "Ana Costa".
pub fn without_lead(byline: &str) -> &str {
    let lower = byline.to_lowercase();
    match LEADS.iter().find(|lead| lower.starts_with(**lead)) {
        Some(lead) if byline.is_char_boundary(lead.len()) => byline[lead.len()..].trim(),
        _ => byline.trim(),
    }
}

/// The author names a byline statement credits, in order, capitals title-cased.
pub fn author_names(byline: &str) -> Vec<String> {
    let mut text = byline.trim();
    let lower = text.to_lowercase();
    if let Some(lead) = LEADS.iter().find(|lead| lower.starts_with(**lead)) {
        text = &text[lead.len()..];
    }
    let text = text.split('|').next().unwrap_or("");
    let text = strip_trailing_agency(text.trim());
    let mut parts = vec![text.to_owned()];
    for separator in SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|part| split_keeping_case(part, separator))
            .collect();
    }
    parts
        .into_iter()
        .map(|part| part.trim().trim_end_matches('.').trim().to_owned())
        .filter(|part| is_name(part))
        .map(|part| title_case_if_capitals(&part))
        .collect()
}

fn split_keeping_case(text: &str, separator: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return vec![text.to_owned()];
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for (index, _) in lower.match_indices(separator) {
        parts.push(text[start..index].to_owned());
        start = index + separator.len();
    }
    parts.push(text[start..].to_owned());
    parts
}

fn strip_trailing_agency(text: &str) -> &str {
    let lower = text.to_lowercase();
    for agency in AGENCIES {
        if let Some(rest) = lower.strip_suffix(agency) {
            if rest.is_empty() || rest.ends_with(' ') || rest.ends_with(',') {
                return text[..rest.len()].trim_end_matches([' ', ',']);
            }
        }
    }
    text
}

fn is_name(part: &str) -> bool {
    let lower = part.to_lowercase();
    !part.is_empty()
        && part.chars().any(char::is_alphabetic)
        && part.split_whitespace().count() <= 5
        && !AGENCIES.contains(&lower.as_str())
        && !NEWSROOMS.contains(&lower.as_str())
        && !ROLES.iter().any(|role| lower.contains(role))
}

/// `RAMÓN ECHEVERRÍA` → `Ramón Echeverría`; names already in mixed case are kept.
pub fn title_case_if_capitals(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    let mut start_of_word = true;
    for c in name.chars() {
        if start_of_word {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_word = !c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_and_agency_suffix() {
        assert_eq!(
            author_names("By KELSEY HARTLEY and RAMÓN ECHEVERRÍA Associated Press"),
            vec!["Kelsey Hartley", "Ramón Echeverría"]
        );
    }

    #[test]
    fn roles_agencies_and_other_languages() {
        assert_eq!(
            author_names("By Priya Natarajan | Staff writer"),
            vec!["Priya Natarajan"]
        );
        assert_eq!(author_names("Von Jana Becker, dpa"), vec!["Jana Becker"]);
        assert_eq!(
            author_names("Ana Costa, Jo Lee & Bo Ek"),
            vec!["Ana Costa", "Jo Lee", "Bo Ek"]
        );
        assert_eq!(author_names("By DANIEL O'NEILL"), vec!["Daniel O'Neill"]);
        for newsroom in [
            "Por Redacción EFE",
            "Par la rédaction",
            "Von Redaktion und Agenturen",
        ] {
            assert!(author_names(newsroom).is_empty(), "{newsroom}");
        }
        assert!(author_names("Reuters").is_empty());
    }
}
