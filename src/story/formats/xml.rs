//! A small element tree over quick-xml, enough for the news XML formats (NITF, NewsML-G2,
//! RSS, Atom): local names, attributes, text with entities resolved, CDATA kept as text.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::story::rejection::{PipelineStep, Rejection, RejectionClass};

#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, Default)]
pub struct Element {
    /// The local name, namespace prefix dropped (`dc:creator` → `creator`).
    pub name: String,
    /// The name as written, prefix included.
    pub qualified: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
}

/// Deeper nesting than this is refused: no news document needs it, and it bounds the stack.
const MAX_DEPTH: usize = 256;

fn malformed(message: String) -> Rejection {
    Rejection::new(RejectionClass::Malformed, PipelineStep::Parse, message)
}

/// Parses a whole document into its root element; truncated or ill-formed XML is `malformed`.
pub fn parse(text: &str) -> Result<Element, Rejection> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let position = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|error| malformed(format!("ill-formed XML at byte {position}: {error}")))?;
        match event {
            Event::Start(start) => {
                if stack.len() > MAX_DEPTH {
                    return Err(malformed(format!(
                        "XML nested deeper than {MAX_DEPTH} levels"
                    )));
                }
                stack.push(element_from(&start, reader.decoder())?);
            }
            Event::Empty(start) => {
                let element = element_from(&start, reader.decoder())?;
                push_child(&mut stack, Node::Element(element));
            }
            Event::End(end) => {
                let element = stack
                    .pop()
                    .filter(|_| !stack.is_empty())
                    .ok_or_else(|| malformed("unbalanced end tag".into()))?;
                if element.qualified.as_bytes() != end.name().as_ref() {
                    return Err(malformed(format!(
                        "end tag does not match <{}>",
                        element.qualified
                    )));
                }
                push_child(&mut stack, Node::Element(element));
            }
            Event::Text(text) => {
                let decoded = text
                    .decode()
                    .map_err(|e| malformed(format!("undecodable text: {e}")))?;
                let unescaped = quick_xml::escape::unescape_with(&decoded, html_entity)
                    .map_err(|e| malformed(format!("bad character reference: {e}")))?;
                push_child(&mut stack, Node::Text(unescaped.into_owned()));
            }
            Event::GeneralRef(reference) => {
                let name = reference
                    .decode()
                    .map_err(|e| malformed(format!("undecodable reference: {e}")))?;
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => html_entity(&name)
                        .map(str::to_owned)
                        .ok_or_else(|| malformed(format!("unknown entity &{name};")))?,
                };
                push_child(&mut stack, Node::Text(resolved));
            }
            Event::CData(data) => {
                let text = String::from_utf8_lossy(&data.into_inner()).into_owned();
                push_child(&mut stack, Node::Text(text));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(malformed(format!(
            "document ends inside <{}> (truncated?)",
            stack.last().map_or("", |e| e.qualified.as_str())
        )));
    }
    stack
        .pop()
        .and_then(|root| {
            root.children.into_iter().find_map(|node| match node {
                Node::Element(element) => Some(element),
                Node::Text(_) => None,
            })
        })
        .ok_or_else(|| malformed("no root element".into()))
}

fn push_child(stack: &mut [Element], node: Node) {
    if let Some(parent) = stack.last_mut() {
        parent.children.push(node);
    }
}

fn element_from(
    start: &quick_xml::events::BytesStart<'_>,
    decoder: quick_xml::encoding::Decoder,
) -> Result<Element, Rejection> {
    let qualified = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let name = qualified
        .rsplit(':')
        .next()
        .unwrap_or(&qualified)
        .to_owned();
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute =
            attribute.map_err(|e| malformed(format!("bad attribute in <{qualified}>: {e}")))?;
        let key = String::from_utf8_lossy(attribute.key.local_name().as_ref()).into_owned();
        let value = attribute
            .decode_and_unescape_value_with(decoder, html_entity)
            .map_err(|e| malformed(format!("bad attribute value in <{qualified}>: {e}")))?
            .into_owned();
        attributes.push((key, value));
    }
    Ok(Element {
        name,
        qualified,
        attributes,
        children: Vec::new(),
    })
}

/// The HTML named entities news XML uses without declaring them.
fn html_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "nbsp" => "\u{a0}",
        "mdash" => "—",
        "ndash" => "–",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "hellip" => "…",
        "eacute" => "é",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    })
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// The first direct child with this local name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|element| element.name == name)
    }

    /// The first descendant (depth-first) with this local name.
    pub fn find(&self, name: &str) -> Option<&Element> {
        self.elements().find_map(|element| {
            if element.name == name {
                Some(element)
            } else {
                element.find(name)
            }
        })
    }

    /// Every descendant with this local name, in document order.
    pub fn find_all<'a>(&'a self, name: &str, found: &mut Vec<&'a Element>) {
        for element in self.elements() {
            if element.name == name {
                found.push(element);
            }
            element.find_all(name, found);
        }
    }

    /// All text inside, concatenated.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Element(element) => element.collect_text(out),
            }
        }
    }

    /// The element re-serialized as markup (for XHTML bodies handed to the HTML cleaner).
    pub fn markup(&self) -> String {
        let mut out = String::new();
        for node in &self.children {
            match node {
                Node::Text(text) => out.push_str(&quick_xml::escape::escape(text.as_str())),
                Node::Element(element) => {
                    out.push_str(&format!("<{}>", element.name));
                    out.push_str(&element.markup());
                    out.push_str(&format!("</{}>", element.name));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_text_and_entities() {
        let root = parse(r#"<?xml version="1.0"?><a xmlns:dc="x"><dc:creator k="v">Ana &amp; Bo&rsquo;s</dc:creator><b><![CDATA[<p>x</p>]]></b></a>"#).unwrap();
        let creator = root.child("creator").unwrap();
        assert_eq!(creator.text(), "Ana & Bo’s");
        assert_eq!(creator.attribute("k"), Some("v"));
        assert_eq!(root.child("b").unwrap().text(), "<p>x</p>");
    }

    #[test]
    fn truncated_documents_are_malformed() {
        let error = parse("<nitf><head><title>Cut").unwrap_err();
        assert_eq!(error.class, RejectionClass::Malformed);
        assert_eq!(
            parse("<a><b></a>").unwrap_err().class,
            RejectionClass::Malformed
        );
    }
}
