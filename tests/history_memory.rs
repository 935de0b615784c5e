//! What a remembered story costs in memory. `history.max_stories` is sized by this figure (the
//! README and the configuration give it), and a worker keeps up to that many stories for the
//! whole window: a story that costs twice as much doubles the history's share of the pod's
//! memory limit. The test counts every byte asked of the allocator while the history takes in
//! stories that share nothing, the usual case (near copies share band buckets and cost less).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, Duration};
use wirestream::story::history::{Fingerprint, HistorySettings, StoryHistory};
use wirestream::story::text::Text;

/// The system allocator, counting the bytes live at any moment.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; the counter only watches.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is the system allocator's.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: `pointer` came from `alloc` above with this layout.
        unsafe { System.dealloc(pointer, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The documented cost of a remembered story, with room for the hash tables' load factor.
const MOST_BYTES_A_STORY: usize = 1_600;

/// A body of 80 invented words, different for every `story`.
fn body(story: usize) -> String {
    (0..80)
        .map(|word| {
            let mut z = (story as u64) << 20 | word;
            z = (z ^ (z >> 31)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            format!("w{}", z % 1_000_003)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_remembered_story_costs_at_most_the_documented_bytes() {
    const STORIES: usize = 20_000;
    let history = StoryHistory::new(HistorySettings {
        window: Duration::hours(48),
        capacity: STORIES,
        near_duplicate_similarity: 0.5,
    });
    let seen = DateTime::from_timestamp(1_700_000_000, 0).expect("a valid time");
    let before = LIVE.load(Ordering::Relaxed);
    for story in 0..STORIES {
        let body = body(story);
        history.remember(Fingerprint::new(
            &format!("urn:newsml:wire.example:2024:story-{story}"),
            Some("Wire"),
            Some(&format!("Council approves budget {story}")),
            &Text::new(&body),
            seen,
        ));
    }
    assert_eq!(history.len(), STORIES);
    let per_story = (LIVE.load(Ordering::Relaxed) - before) / STORIES;
    eprintln!("{per_story} bytes a remembered story");
    assert!(
        per_story <= MOST_BYTES_A_STORY,
        "{per_story} bytes a remembered story, more than {MOST_BYTES_A_STORY}"
    );
}
