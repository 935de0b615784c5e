//! Enrichment: what a normalized story mentions. Each finder reads the clean body (and the
//! headline) and reports what it found with character offsets into the body, the way GDELT's
//! GKG does; the renderer puts the findings in ninjs slots and the extension.

pub mod people;
pub mod places;
