//! Inputs for the tests: stories in the shapes the stage reads, and every kind of bad input.
//! Generated, not copied from the sample corpus, so the tests measure behaviour, not samples.

use serde_json::json;

use super::kafka::Input;

/// A JSON story from an upstream fetcher; `filler` paragraphs make it bigger (and slower).
pub fn json_story(id: &str, headline: &str, filler: usize) -> Vec<u8> {
    let mut body = String::from("<p>LISBON (Wire) — Officials said the harbour reopened on Tuesday after a week of repairs.</p>");
    for index in 0..filler {
        body.push_str(&format!(
            "<p>Paragraph {index}: ferry operators reported steady traffic and the port authority said inspections would continue through the month.</p>"
        ));
    }
    serde_json::to_vec(&json!({
        "id": id,
        "source": "wire",
        "headline": headline,
        "byline": "By Ana Costa",
        "body_html": body,
        "published": "2024-05-14T09:30:00Z",
    }))
    .unwrap()
}

/// A scraped plain-text story.
pub fn text_story(headline: &str) -> Vec<u8> {
    format!(
        "{headline}\n\nBy Jonas Weber\n\nBERLIN (Wire) — The city council approved the budget on Monday.\n\nThe vote was 31 to 12, officials said.\n"
    )
    .into_bytes()
}

/// The kinds of input the stage must reject, with the class each must get.
pub fn bad_inputs(too_large_bytes: usize) -> Vec<(Vec<u8>, &'static str)> {
    vec![
        (Vec::new(), "empty"),
        (b"  \n\t ".to_vec(), "empty"),
        (
            b"Caf\xe9 society headline\n\nBody with a latin-1 byte.".to_vec(),
            "encoding",
        ),
        (vec![0x00, 0x9f, 0x92, 0x96, 0xff, 0x00, 0x13], "encoding"),
        (
            br#"{"headline": "Truncated", "body": "never clo"#.to_vec(),
            "malformed",
        ),
        (br#"{"ping": 1}"#.to_vec(), "not_a_story"),
        (
            text_story(&"Oversized ".repeat(too_large_bytes / 10 + 1)),
            "too_large",
        ),
    ]
}

pub fn input(value: Vec<u8>) -> Input {
    Input {
        value,
        ..Input::default()
    }
}

/// An ANPA-1312 transmission: SYN/SOH framing, header, STX, coded lines, ETX.
pub fn anpa_story(headline: &str) -> Vec<u8> {
    format!("\u{16}\u{16}\u{1}a0412 u i BC-Storm 02-22 0412\r\n\u{2}^BC-US--Storm,0412<\r\n^URGENT<\r\n^{headline}<\r\n\r\n\tDULUTH, Minn. (AP) _ Freezing rain coated roads across northern Minnesota on Thursday, closing schools and snapping power lines, officials said.<\r\n\u{3}\u{4}").into_bytes()
}

/// A NITF 3.x document with a picture and end matter.
pub fn nitf_story(id: &str, headline: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN">
  <head><title>{headline}</title>
    <docdata><doc-id regsrc="Wire" id-string="{id}"/><date.issue norm="20240722T153000Z"/></docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>{headline}</hl1></hedline>
      <byline>By <person>MARTA VIEIRA</person><byttl>Wire</byttl></byline>
      <dateline><location><city>LISBON</city><country>Portugal</country></location></dateline>
    </body.head>
    <body.content>
      <p>LISBON (Wire) &#8212; The harbour reopened on Monday after a week of repairs, the port authority said.</p>
      <p>&#8220;The wall is stronger than before,&#8221; said port director Rui Matos.</p>
      <media media-type="image"><media-reference source="https://img.example/harbour.jpg"/>
        <media-caption>Ferries leave the reopened harbour in Lisbon on Monday.</media-caption>
        <media-producer>Ana Costa/Wire</media-producer></media>
    </body.content>
    <body.end><tagline>Wire writer Jo Lee in Porto contributed to this report.</tagline></body.end>
  </body>
</nitf>"#).into_bytes()
}

/// A NewsML-G2 newsItem with an XHTML body.
pub fn newsml_story(guid: &str, headline: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{guid}" version="2" standard="NewsML-G2" standardversion="2.29">
  <rightsInfo><copyrightHolder literal="Wire Agency"/><copyrightNotice>(c) Wire Agency 2024</copyrightNotice></rightsInfo>
  <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2024-05-29T08:00:00Z</versionCreated><firstCreated>2024-05-29T06:18:00Z</firstCreated><pubStatus qcode="stat:usable"/></itemMeta>
  <contentMeta>
    <urgency>3</urgency>
    <slugline>PORTUGAL-PORTS/STRIKE</slugline>
    <located literal="Porto"><name>Porto</name><broader qcode="iso3166-1a2:PT"><name>Portugal</name></broader></located>
    <creator><name>Ines Sousa</name></creator>
    <infoSource literal="Wire"/>
    <headline>{headline}</headline>
  </contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
    <p>PORTO, May 29 (Wire) - Dock workers ended a two-day strike on Wednesday, their union said.</p>
    <p>(Reporting by Ines Sousa; Editing by Tom Hadley)</p>
  </body></html></inlineXML></contentSet>
</newsItem>"#).into_bytes()
}

/// One RSS item with an HTML body in CDATA and a media:content picture.
pub fn rss_item(guid: &str, headline: &str) -> Vec<u8> {
    format!(r#"<item xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
  <title>{headline}</title><guid isPermaLink="false">{guid}</guid>
  <pubDate>Tue, 16 Apr 2024 07:45:12 +0100</pubDate><dc:creator>Ailsa Drummond</dc:creator>
  <description><![CDATA[<p>Islanders face another week without their main ferry, the operator said.</p><p>“We are doing all we can,” a spokesperson said.</p>]]></description>
  <media:content url="https://img.example/ferry.jpg" medium="image"><media:description>The ferry in dry dock.</media:description><media:credit>Callum Reid/PA Media</media:credit></media:content>
</item>"#).into_bytes()
}

/// One Atom entry with escaped HTML content.
pub fn atom_entry(id: &str, headline: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="utf-8"?>
<entry xmlns="http://www.w3.org/2005/Atom"><id>{id}</id><title type="text">{headline}</title>
  <published>2024-08-27T09:30:00+09:00</published><updated>2024-08-27T14:05:00+09:00</updated>
  <author><name>Haruka Inoue</name></author>
  <content type="html">&lt;p&gt;TOKYO &amp;mdash; Supermarkets are rationing rice, the ministry said on Tuesday.&lt;/p&gt;</content>
</entry>"#).into_bytes()
}

/// An article page with navigation, a cookie banner, an ad, a figure and related links.
pub fn html_page(headline: &str) -> Vec<u8> {
    format!(r#"<!DOCTYPE html><html><head><title>{headline} | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{headline}","datePublished":"2024-01-16T09:12:00-03:00","author":{{"@type":"Person","name":"Tomás Irarrázaval"}}}}</script></head>
<body><div class="cookie-consent">We use cookies. Accept all</div><nav class="main-nav"><a href="/">Home</a></nav>
<article><h1>{headline}</h1><p class="byline">By <a rel="author">Tomás Irarrázaval</a></p>
<figure><img src="/ponds.jpg"><figcaption>Evaporation ponds in the Atacama desert. <span class="credit">Photo: Matías Undurraga/Reuters</span></figcaption></figure>
<div class="story-body"><p>SANTIAGO (Wire) — Chile&rsquo;s lithium deal faces pushback from local communities, leaders said.</p>
<div class="ad-slot">Advertisement</div><p>The communities want a share of the revenue.</p>
<aside class="related"><p>Related: Copper prices climb</p></aside></div></article>
<footer class="site-footer"><p>© The Daily Example</p></footer></body></html>"#).into_bytes()
}
