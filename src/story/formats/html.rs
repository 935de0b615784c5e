//! HTML article pages: metadata by the JSON-LD → OpenGraph → `<meta>` → page cascade, and the
//! main text without navigation, footers, share widgets, ads or related-story lists.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::feed::split_credit;
use crate::story::dates::parse_timestamp;
use crate::story::model::{Image, SourceFormat, Story};
use crate::story::normalize::clean_inline;

/// Class or id fragments that mark page furniture, not story text.
const BOILERPLATE_MARKERS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "header",
    "share",
    "social",
    "related",
    "newsletter",
    "signup",
    "subscribe",
    "cookie",
    "consent",
    "advert",
    "ad-",
    "-ad",
    "promo",
    "most-read",
    "comment",
    "kicker",
    "byline",
    "meta",
    "credit",
    "caption",
    "breadcrumb",
    "tags",
    "ticker",
    "teaser",
    "read-more",
    "recommend",
];
/// Elements whose content is never story text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "figure", "form", "button",
    "iframe", "svg", "template", "time",
];

/// The selectors a page is read with, parsed once for all pages. Parsing them again for each
/// page, and one `<meta>` selector per key, each walking the whole page, took a tenth of
/// reading a page.
struct Selectors {
    meta: Selector,
    article: Selector,
    main: Selector,
    h1: Selector,
    title: Selector,
    author: Selector,
    byline: Selector,
    time: Selector,
    canonical: Selector,
    figure: Selector,
    linked_data: Selector,
    credit: Selector,
    figcaption: Selector,
    img: Selector,
}

static SELECTORS: LazyLock<Selectors> = LazyLock::new(|| {
    let selector = |css: &str| Selector::parse(css).expect("a valid built-in selector");
    Selectors {
        meta: selector("meta"),
        article: selector("article"),
        main: selector("main"),
        h1: selector("h1"),
        title: selector("title"),
        author: selector(r#"[rel="author"], .author-name, [itemprop="author"]"#),
        byline: selector(".byline"),
        time: selector("time[datetime]"),
        canonical: selector(r#"link[rel="canonical"]"#),
        figure: selector("figure"),
        linked_data: selector(r#"script[type="application/ld+json"]"#),
        credit: selector(r#".credit, .photo-credit, [itemprop="copyrightHolder"]"#),
        figcaption: selector("figcaption"),
        img: selector("img"),
    }
});

pub fn read(text: &str) -> Story {
    let page = Html::parse_document(text);
    let mut story = Story::new(SourceFormat::Html);
    let linked_data = json_ld_article(&page);
    // The page's `<meta>` elements that have a content, gathered in one walk of the page for
    // the dozen keys looked up below.
    let metas: Vec<_> = page
        .select(&SELECTORS.meta)
        .map(|m| m.value())
        .filter(|m| m.attr("content").is_some())
        .collect();
    // The first `<meta>` whose property or name is `key`, as `meta[property=…], meta[name=…]`
    // selects it.
    let meta = |key: &str| -> Option<String> {
        metas
            .iter()
            .find(|m| m.attr("property") == Some(key) || m.attr("name") == Some(key))
            .and_then(|m| m.attr("content"))
            .map(clean_inline)
            .filter(|v| !v.is_empty())
    };
    let article = page
        .select(&SELECTORS.article)
        .next()
        .or_else(|| page.select(&SELECTORS.main).next())
        .unwrap_or_else(|| page.root_element());

    // The headline as published: the visible <h1>, then the metadata cascade.
    story.headline = article
        .select(&SELECTORS.h1)
        .next()
        .map(|h| clean_inline(&h.text().collect::<String>()))
        .filter(|h| !h.is_empty())
        .or_else(|| {
            linked_data
                .as_ref()
                .and_then(|d| d["headline"].as_str())
                .map(clean_inline)
        })
        .or_else(|| meta("og:title"))
        .or_else(|| {
            page.select(&SELECTORS.title)
                .next()
                .map(|t| clean_inline(&t.text().collect::<String>()))
        });

    story.authors = linked_data
        .as_ref()
        .map(|d| json_ld_names(&d["author"]))
        .unwrap_or_default();
    if story.authors.is_empty() {
        story.authors = article
            .select(&SELECTORS.author)
            .map(|a| clean_inline(&a.text().collect::<String>()))
            .filter(|a| !a.is_empty())
            .collect();
    }
    story.byline = article
        .select(&SELECTORS.byline)
        .next()
        .map(|b| clean_inline(&b.text().collect::<String>()))
        .filter(|b| !b.is_empty())
        .or_else(|| meta("author"));
    if story.byline.is_none() && !story.authors.is_empty() {
        story.byline = Some(story.authors.join(", "));
    }

    let time = |field: &str, meta_key: &str| {
        linked_data
            .as_ref()
            .and_then(|d| d[field].as_str())
            .and_then(parse_timestamp)
            .or_else(|| meta(meta_key).and_then(|m| parse_timestamp(&m)))
    };
    story.first_published = time("datePublished", "article:published_time").or_else(|| {
        article
            .select(&SELECTORS.time)
            .find_map(|t| t.value().attr("datetime").and_then(parse_timestamp))
    });
    story.updated =
        time("dateModified", "article:modified_time").filter(|u| Some(*u) != story.first_published);
    story.url = meta("og:url").or_else(|| {
        page.select(&SELECTORS.canonical)
            .find_map(|l| l.value().attr("href").map(str::to_owned))
    });
    story.source = linked_data
        .as_ref()
        .and_then(|d| d["publisher"]["name"].as_str())
        .map(clean_inline)
        .or_else(|| meta("og:site_name"));

    story.images = article
        .select(&SELECTORS.figure)
        .map(figure_image)
        .filter(|i| i.caption.is_some())
        .map(|mut image| {
            image.href = image
                .href
                .and_then(|href| absolute_href(&href, story.url.as_deref()));
            image
        })
        .collect();
    let mut paragraphs = Vec::new();
    collect_paragraphs(article, &mut paragraphs);
    story.paragraphs = paragraphs;
    story.html_body = true;
    story.summary = meta("description").or_else(|| meta("og:description"));
    story
}

/// A link made absolute against the page's own address: `/a.jpg` on `https://x.example/n/1`
/// → `https://x.example/a.jpg`. Relative links on a page without a known address are dropped.
fn absolute_href(href: &str, page_url: Option<&str>) -> Option<String> {
    if href.contains("://") {
        return Some(href.to_owned());
    }
    let page_url = page_url?;
    let (scheme, rest) = page_url.split_once("://")?;
    let host = rest.split('/').next()?;
    match href.strip_prefix("//") {
        Some(network_path) => Some(format!("{scheme}://{network_path}")),
        None if href.starts_with('/') => Some(format!("{scheme}://{host}{href}")),
        None => {
            let base = page_url.rsplit_once('/').map_or(page_url, |(base, _)| base);
            Some(format!("{base}/{href}"))
        }
    }
}

fn json_ld_article(page: &Html) -> Option<Value> {
    page.select(&SELECTORS.linked_data)
        .filter_map(|script| serde_json::from_str::<Value>(&script.text().collect::<String>()).ok())
        .flat_map(|value| match value {
            Value::Array(items) => items,
            Value::Object(ref object) if object.contains_key("@graph") => {
                object["@graph"].as_array().cloned().unwrap_or_default()
            }
            other => vec![other],
        })
        .find(|item| {
            item["@type"]
                .as_str()
                .is_some_and(|t| t.ends_with("Article") || t == "Report")
        })
}

fn json_ld_names(value: &Value) -> Vec<String> {
    match value {
        Value::String(name) => vec![clean_inline(name)],
        Value::Object(object) => object
            .get("name")
            .and_then(Value::as_str)
            .map(clean_inline)
            .into_iter()
            .collect(),
        Value::Array(items) => items.iter().flat_map(json_ld_names).collect(),
        _ => Vec::new(),
    }
}

/// A figure's caption and credit: a `.credit` element, or a trailing `(AP Photo/Name)`.
fn figure_image(figure: ElementRef<'_>) -> Image {
    let credit_element = figure.select(&SELECTORS.credit).next();
    let credit_text = credit_element.map(|c| clean_inline(&c.text().collect::<String>()));
    let mut caption = figure
        .select(&SELECTORS.figcaption)
        .next()
        .map(|c| clean_inline(&c.text().collect::<String>()))
        .unwrap_or_default();
    if let Some(credit) = &credit_text {
        caption = caption.replace(credit.as_str(), "").trim().to_owned();
    }
    let mut credit = credit_text.map(|c| {
        c.trim_start_matches("Photo:")
            .trim_start_matches("Foto:")
            .trim()
            .to_owned()
    });
    if credit.is_none() {
        if let Some(open) = caption.rfind('(') {
            let inner = caption[open + 1..].trim_end_matches(')').to_owned();
            if inner.contains("Photo") {
                credit = Some(
                    inner
                        .replace("AP Photo/", "")
                        .replace("Photo/", "")
                        .trim()
                        .to_owned(),
                );
                caption = caption[..open].trim().to_owned();
            }
        }
    }
    let (credit, agency) = split_credit(credit);
    let href = figure
        .select(&SELECTORS.img)
        .find_map(|img| img.value().attr("src").map(str::to_owned));
    Image {
        caption: Some(caption).filter(|c| !c.is_empty()),
        credit,
        agency,
        href,
    }
}

fn is_boilerplate(element: ElementRef<'_>) -> bool {
    let value = element.value();
    if SKIPPED.contains(&value.name()) {
        return true;
    }
    let marks = format!(
        "{} {}",
        value.attr("class").unwrap_or(""),
        value.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    !marks.trim().is_empty()
        && BOILERPLATE_MARKERS
            .iter()
            .any(|marker| marks.split_whitespace().any(|word| word.contains(marker)))
}

/// Paragraph-level text (`p`, `h2`–`h4`, `li`, `blockquote`) outside page furniture.
fn collect_paragraphs(element: ElementRef<'_>, out: &mut Vec<String>) {
    for child in element.children().filter_map(ElementRef::wrap) {
        if is_boilerplate(child) || child.value().name() == "h1" {
            continue;
        }
        if matches!(
            child.value().name(),
            "p" | "blockquote" | "li" | "h2" | "h3" | "h4"
        ) {
            let text = clean_inline(&child.text().collect::<String>());
            if !text.is_empty() && !is_ad_label(&text) {
                out.push(text);
            }
        } else {
            collect_paragraphs(child, out);
        }
    }
}

fn is_ad_label(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        "advertisement" | "ad" | "sponsored" | "anzeige" | "publicidad"
    )
}

#[cfg(test)]
mod tests {
    use super::{absolute_href, read};

    #[test]
    fn metadata_comes_from_the_first_meta_of_a_key_that_has_a_content() {
        let page = r#"<html><head>
            <meta name="description">
            <meta property="og:title" content="Dam  opens after &amp; years">
            <meta name="description" content="Water reaches the valley.">
            <meta property="description" content="Second, by property.">
            <meta name="og:site_name" content="The Valley Courier">
            <meta property="og:url" content="https://courier.example/dam">
            </head><body><article><p>The dam opened on Monday.</p></article></body></html>"#;
        let story = read(page);
        assert_eq!(story.headline.as_deref(), Some("Dam opens after & years"));
        assert_eq!(story.summary.as_deref(), Some("Water reaches the valley."));
        assert_eq!(story.source.as_deref(), Some("The Valley Courier"));
        assert_eq!(story.url.as_deref(), Some("https://courier.example/dam"));
        assert_eq!(story.paragraphs, ["The dam opened on Monday."]);
    }

    #[test]
    fn links_are_made_absolute_against_the_page() {
        let page = Some("https://news.example/world/2024/story.html");
        assert_eq!(
            absolute_href("/img/a.jpg", page).as_deref(),
            Some("https://news.example/img/a.jpg")
        );
        assert_eq!(
            absolute_href("b.jpg", page).as_deref(),
            Some("https://news.example/world/2024/b.jpg")
        );
        assert_eq!(
            absolute_href("//cdn.example/c.jpg", page).as_deref(),
            Some("https://cdn.example/c.jpg")
        );
        assert_eq!(
            absolute_href("https://x.example/d.jpg", None).as_deref(),
            Some("https://x.example/d.jpg")
        );
        assert_eq!(absolute_href("/e.jpg", None), None);
    }
}
