//! Plain text as scrapers and wire printers deliver it: header lines (wire slug, priority word,
//! headline, photo caption and credits, byline, agency line, timestamp, editors' note), body
//! paragraphs, and end matter (publication stamps, profile-photo alt text, author bio, reporting
//! credits, copyright and end markers). Header and end matter become fields, not body text.

use super::dateline::stands_alone;
use crate::story::model::{Image, SourceFormat, Story};
use crate::story::normalize::{clean_inline, unix_line_ends, word_count};
use crate::story::stamps::{parse_stamp_line, Stamp, StampKind};

/// A header line longer than this is story text: the body has begun.
const MAX_HEADER_WORDS: usize = 40;
/// The first paragraph with at least this many words is body text.
const BODY_MIN_WORDS: usize = 20;
const PRIORITY_WORDS: &[&str] = &["URGENT", "BULLETIN", "FLASH", "ALERT", "ADVISORY"];
const BYLINE_LEADS: &[&str] = &["By ", "BY ", "Von ", "Por ", "Par "];
const PROFILE_PHOTO: &[&str] = &["Profile photo of ", "Foto de perfil de "];
/// Agency lines under a byline or photo credit, with the short name the record uses.
const AGENCY_LINES: &[(&str, &str)] = &[
    ("the associated press", "AP"),
    ("associated press", "AP"),
    ("ap", "AP"),
    ("australian associated press", "AAP"),
    ("aap", "AAP"),
    ("reuters", "Reuters"),
    ("agence france-presse", "AFP"),
    ("afp", "AFP"),
    ("dpa", "dpa"),
    ("lusa", "Lusa"),
    ("efe", "EFE"),
    ("interfax", "Interfax"),
];

/// Everything the text reader found; stamps are resolved by the caller, which knows zones.
pub struct TextStory {
    pub story: Story,
    pub stamps: Vec<Stamp>,
}

pub fn parse(text: &str) -> TextStory {
    let mut story = Story::new(SourceFormat::PlainText);
    let mut stamps = Vec::new();
    let text = unix_line_ends(text);
    let blocks: Vec<Vec<String>> = crate::story::text::blocks(&text)
        .map(|block| {
            block
                .lines()
                .map(clean_inline)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|lines| !lines.is_empty())
        .collect();
    let body_start = body_start(&blocks);
    let header: Vec<String> = blocks[..body_start].iter().flatten().cloned().collect();
    let mut body: Vec<String> = blocks[body_start..]
        .iter()
        .map(|lines| lines.join(" "))
        .collect();

    read_header(&header, &mut story, &mut stamps);
    read_end_matter(&mut body, &mut story, &mut stamps);
    body.retain(|paragraph| !is_inline_boilerplate(paragraph));
    story.paragraphs = body;
    TextStory { story, stamps }
}

/// Where the body begins: the first long paragraph that is not a photo caption (a caption is
/// followed by a short credit line) and not a stamp. With no header at all, the first block.
fn body_start(blocks: &[Vec<String>]) -> usize {
    let is_short_credit = |lines: &Vec<String>| {
        lines.len() == 1 && word_count(&lines[0]) <= 5 && !lines[0].ends_with('.')
    };
    for (index, lines) in blocks.iter().enumerate().skip(1) {
        // A dateline set above the first paragraph opens the body.
        if lines.len() == 1 && stands_alone(&lines[0]) {
            return index;
        }
        let words: usize = lines.iter().map(|line| word_count(line)).sum();
        let long = (lines.len() == 1 && words >= BODY_MIN_WORDS) || words > MAX_HEADER_WORDS * 2;
        let caption = blocks.get(index + 1).is_some_and(is_short_credit) && index <= 3;
        if long && !caption && parse_stamp_line(&lines[0]).is_none() {
            return index;
        }
    }
    // Short stories: the body begins after the header lines that can be recognised.
    let is_header_line = |line: &String| {
        BYLINE_LEADS.iter().any(|lead| line.starts_with(lead))
            || parse_stamp_line(line).is_some()
            || agency_short_name(line).is_some()
            || is_slug(line)
            || PRIORITY_WORDS.contains(&line.as_str())
    };
    blocks
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, lines)| !lines.iter().all(is_header_line))
        .map_or(blocks.len().min(1), |(index, _)| index)
}

fn agency_short_name(line: &str) -> Option<&'static str> {
    let lower = line.trim().to_lowercase();
    AGENCY_LINES
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|(_, short)| *short)
}

fn is_slug(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    first.contains("--") || first.starts_with("BC-")
}

fn read_header(lines: &[String], story: &mut Story, stamps: &mut Vec<Stamp>) {
    let mut index = 0;
    let mut after_byline = false;
    let mut pending_caption: Option<String> = None;
    let mut credit_lines: Vec<String> = Vec::new();
    while index < lines.len() {
        let line = &lines[index];
        index += 1;
        if is_slug(line)
            || PRIORITY_WORDS.contains(&line.as_str())
            || line.starts_with("Eds:")
            || line.starts_with("Editor's note")
        {
            continue;
        }
        if let Some(stamp) = parse_stamp_line(line) {
            stamps.push(stamp);
            continue;
        }
        if let Some(lead) = BYLINE_LEADS.iter().find(|lead| line.starts_with(**lead)) {
            if word_count(line) <= 16 {
                story.byline = Some(line[lead.len()..].trim().to_owned());
                after_byline = true;
                if story.source.is_none() {
                    story.source = line
                        .rsplit([',', ' '])
                        .next()
                        .and_then(agency_short_name)
                        .or_else(|| trailing_agency(line))
                        .map(str::to_owned);
                }
                continue;
            }
        }
        if after_byline {
            if let Some(agency) = agency_short_name(line) {
                story.source.get_or_insert_with(|| agency.to_owned());
                continue;
            }
        }
        if story.headline.is_none() {
            story.headline = Some(line.clone());
            continue;
        }
        // The sample layout: a caption sentence, then the photographer and the agency lines.
        if pending_caption.is_none() && credit_lines.is_empty() && word_count(line) >= 5 {
            pending_caption = Some(line.clone());
            continue;
        }
        if pending_caption.is_some() && word_count(line) <= 5 && !line.ends_with('.') {
            credit_lines.push(line.clone());
            continue;
        }
    }
    if let Some(caption) = pending_caption {
        let mut credits = credit_lines.into_iter();
        story.images.push(Image {
            caption: Some(caption),
            credit: credits.next(),
            agency: credits.next(),
            href: None,
        });
    }
}

fn trailing_agency(byline: &str) -> Option<&'static str> {
    let lower = byline.to_lowercase();
    AGENCY_LINES
        .iter()
        .filter(|(name, _)| name.len() > 3)
        .find(|(name, _)| lower.ends_with(name))
        .map(|(_, short)| *short)
}

/// Strips end matter from the bottom of the body, turning what carries metadata into fields.
fn read_end_matter(body: &mut Vec<String>, story: &mut Story, stamps: &mut Vec<Stamp>) {
    while let Some(last) = body.last() {
        if let Some(stamp) = parse_stamp_line(last) {
            stamps.push(stamp);
        } else if let Some(name) = PROFILE_PHOTO.iter().find_map(|p| last.strip_prefix(p)) {
            story.authors.push(name.trim().to_owned());
        } else if is_bio(last, &story.authors, body) {
            if let Some(outlet) = outlet_in_bio(last) {
                story.source.get_or_insert(outlet);
            }
        } else if is_end_matter(last) {
            // Copyright lines and end markers name the agency: "(Copyright 2024 The Associated
            // Press…)", "© dpa-infocom…", "Lusa/Fim".
            if let Some(agency) = agency_named_in(last) {
                story.source.get_or_insert_with(|| agency.to_owned());
            }
        } else {
            break;
        }
        body.pop();
    }
    story.authors.reverse();
}

/// The short name of an agency a line mentions as a whole word, longest names first.
fn agency_named_in(line: &str) -> Option<&'static str> {
    let lower = line.to_lowercase();
    let mut agencies: Vec<&(&str, &str)> = AGENCY_LINES
        .iter()
        .filter(|(name, _)| name.len() > 2)
        .collect();
    agencies.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    agencies
        .into_iter()
        .find(|(name, _)| {
            lower.match_indices(name).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + name.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .map(|(_, short)| *short)
}

/// Closing lines that are not story text: reporting and editing credits, copyright lines, wire
/// footers and end markers, contributor taglines.
pub fn is_end_matter(paragraph: &str) -> bool {
    let lower = paragraph.to_lowercase();
    lower.starts_with("(reporting by")
        || lower.starts_with("(writing by")
        || lower.starts_with("(additional reporting")
        || lower.starts_with("(editing by")
        || lower.starts_with("(copyright")
        || lower.starts_with("copyright ")
        || paragraph.starts_with('©')
        || lower.ends_with("/fim")
        || is_editor_initials(paragraph)
        || lower.contains("contributed to this report")
}

/// "JLR // SF": editors' initials on a wire story's last line.
fn is_editor_initials(line: &str) -> bool {
    line.contains("//")
        && line
            .split_whitespace()
            .all(|w| w == "//" || w.chars().all(|c| c.is_ascii_uppercase()))
}

/// The author bio under a profile photo: it names the author just read.
fn is_bio(line: &str, authors: &[String], body: &[String]) -> bool {
    let profiled = body.len() >= 2
        && PROFILE_PHOTO
            .iter()
            .find_map(|prefix| body[body.len() - 2].strip_prefix(prefix))
            .is_some_and(|name| line.starts_with(name.trim()));
    profiled
        || authors
            .iter()
            .any(|author| line.starts_with(author.as_str()))
}

/// "… covers Cuba for the Miami Herald." / "… es periodista de el Nuevo Herald y cubre …".
fn outlet_in_bio(line: &str) -> Option<String> {
    for marker in [" for the ", " for ", " de el ", " de la ", " del "] {
        if let Some((_, rest)) = line.split_once(marker) {
            let outlet: Vec<&str> = rest
                .split_whitespace()
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .collect();
            if !outlet.is_empty() {
                let prefix = match marker {
                    " for the " => "",
                    " de el " => "el ",
                    _ => "",
                };
                return Some(format!(
                    "{prefix}{}",
                    outlet.join(" ").trim_end_matches(['.', ','])
                ));
            }
        }
    }
    None
}

/// Labels that are a whole paragraph of their own when an ad or a teaser was scraped out.
const WHOLE_PARAGRAPH_MARKERS: &[&str] = &["advertisement", "publicidad", "anzeige", "publicité"];
/// Openings of teaser and tip-line paragraphs.
const OPENING_MARKERS: &[&str] = &[
    "read more:",
    "related:",
    "lire aussi",
    "leia também",
    "have a news tip?",
];

/// Ad labels and teasers scrapers leave inside the body.
pub fn is_inline_boilerplate(paragraph: &str) -> bool {
    // A paragraph that begins with an ASCII character no marker begins with is story text,
    // found without lower-casing anything: nearly every paragraph.
    if let Some(first) = paragraph
        .as_bytes()
        .first()
        .filter(|first| first.is_ascii())
    {
        let first = first.to_ascii_lowercase();
        if !WHOLE_PARAGRAPH_MARKERS
            .iter()
            .chain(OPENING_MARKERS)
            .any(|marker| marker.as_bytes().first() == Some(&first))
        {
            return false;
        }
    }
    // Every marker fits in the first 20 characters: only those are lower-cased.
    let head_end = paragraph
        .char_indices()
        .nth(20)
        .map_or(paragraph.len(), |(index, _)| index);
    let lower = paragraph[..head_end].to_lowercase();
    let whole = head_end == paragraph.len();
    (whole && WHOLE_PARAGRAPH_MARKERS.contains(&lower.as_str()))
        || OPENING_MARKERS
            .iter()
            .any(|marker| lower.starts_with(marker))
}

pub fn first_stamp(stamps: &[Stamp], kind: StampKind) -> Option<&Stamp> {
    stamps.iter().find(|s| s.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scraped_labels_and_teasers_are_boilerplate_in_any_case() {
        for label in [
            "Advertisement",
            "ADVERTISEMENT",
            "Publicité",
            "Anzeige",
            "Read more: Storm closes schools",
            "RELATED: What the council decided",
            "Lire aussi : la grève",
            "Leia também: o incêndio",
            "Have a news tip? Email us",
        ] {
            assert!(is_inline_boilerplate(label), "{label}");
        }
        for text in [
            "Advertisement revenue fell 4%.",
            "Readers wrote in.",
            "Schools closed on Monday.",
            "«Read more: nothing»",
            "",
        ] {
            assert!(!is_inline_boilerplate(text), "{text}");
        }
    }

    #[test]
    fn wire_header_lines_become_fields() {
        let parsed = parse(
            "BC-US--Storm,0412\nURGENT\nSTORM CLOSES SCHOOLS\nEds: UPDATES with figures.\nBy JANE DOE\nAssociated Press\nTransmitted 02/22/2024 18:40 CST\n\n\
             DENVER (AP) — Schools closed across the region on Thursday as the storm dropped more snow than forecast, officials said.\n\n\
             (Copyright 2024 The Associated Press. All rights reserved.)\n",
        );
        let story = parsed.story;
        assert_eq!(story.headline.as_deref(), Some("STORM CLOSES SCHOOLS"));
        assert_eq!(story.byline.as_deref(), Some("JANE DOE"));
        assert_eq!(story.source.as_deref(), Some("AP"));
        assert_eq!(parsed.stamps.len(), 1);
        assert_eq!(story.paragraphs.len(), 1);
        assert!(story.paragraphs[0].starts_with("DENVER (AP)"));
    }

    #[test]
    fn sample_layout_caption_credits_and_end_matter() {
        let parsed = parse(
            "Bridge reopens after repairs\n\nCommuters cross the rebuilt bridge on Monday morning, the first day it carried traffic since the spring.\n\nAna Costa\n\nHarbour Post\n\n\
             The bridge reopened on Monday after eight months of repairs that cost the city far more than planned, officials said.\n\n\
             This story was originally published March 4, 2024 9:00 AM.\n\nProfile photo of Rui Matos\n\nRui Matos covers transport for the Harbour Post.\n",
        );
        let story = parsed.story;
        assert_eq!(story.images.len(), 1);
        assert_eq!(story.images[0].credit.as_deref(), Some("Ana Costa"));
        assert_eq!(story.images[0].agency.as_deref(), Some("Harbour Post"));
        assert_eq!(story.authors, vec!["Rui Matos"]);
        assert_eq!(story.source.as_deref(), Some("Harbour Post"));
        assert_eq!(story.paragraphs.len(), 1);
        assert_eq!(parsed.stamps.len(), 1);
    }

    #[test]
    fn spanish_end_matter() {
        let parsed = parse(
            "Suben los precios del café\n\nLos precios del café subieron un 12 % en enero, según datos oficiales publicados el martes por el ministerio de economía.\n\n\
             Este artículo fue publicado originalmente el 8 de febrero de 2024, 4:15 p.m.\n\nFoto de perfil de Ana Ruiz\n\nAna Ruiz es periodista de el Nuevo Herald y cubre economía.\n",
        );
        assert_eq!(parsed.story.authors, vec!["Ana Ruiz"]);
        assert_eq!(parsed.story.source.as_deref(), Some("el Nuevo Herald"));
        assert_eq!(parsed.stamps.len(), 1);
        assert_eq!(parsed.story.paragraphs.len(), 1);
    }
}
