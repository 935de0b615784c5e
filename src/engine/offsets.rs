//! Which input offsets may be committed: the contiguous acknowledged prefix of each partition.
//!
//! Every consumed message is `start`ed here before it enters the stage and `finish`ed only when
//! its output (record or dead letter) is acknowledged by the broker. The commit point of a
//! partition is therefore the lowest offset still in flight, or one past the highest started
//! offset when nothing is in flight: a failed or slow message holds the commit back, however
//! many later messages finish (the failure mode of Vector #24543/#24215).
//!
//! Ownership is fenced by generations: each assignment of a partition gets a fresh generation,
//! and a [`Ticket`] from an older one can neither finish nor commit anything.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Proof that a message was started under one ownership of its partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket {
    pub partition: i32,
    pub offset: i64,
    generation: u64,
}

#[derive(Debug)]
struct PartitionProgress {
    generation: u64,
    in_flight: BTreeSet<i64>,
    highest_started: Option<i64>,
    committed: Option<i64>,
}

impl PartitionProgress {
    fn commit_point(&self) -> Option<i64> {
        match self.in_flight.first() {
            Some(lowest) => Some(*lowest),
            None => self.highest_started.map(|offset| offset + 1),
        }
    }
}

/// A commit the tracker asks for: partition and the offset of the next message to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommitPoint {
    pub partition: i32,
    pub offset: i64,
}

/// Offset bookkeeping for the partitions this worker owns. Pure data; see [`SharedOffsets`].
#[derive(Debug, Default)]
pub struct OffsetTracker {
    partitions: BTreeMap<i32, PartitionProgress>,
    last_generation: u64,
}

impl OffsetTracker {
    /// Takes ownership of a partition with a fresh generation, forgetting any earlier state.
    pub fn assign(&mut self, partition: i32) {
        self.last_generation += 1;
        self.partitions.insert(
            partition,
            PartitionProgress {
                generation: self.last_generation,
                in_flight: BTreeSet::new(),
                highest_started: None,
                committed: None,
            },
        );
    }

    /// Gives up a partition: from now on nothing started before can finish or commit.
    pub fn revoke(&mut self, partition: i32) {
        self.partitions.remove(&partition);
    }

    pub fn owned_partitions(&self) -> Vec<i32> {
        self.partitions.keys().copied().collect()
    }

    /// The current ownership generation of a partition, if owned.
    pub fn generation(&self, partition: i32) -> Option<u64> {
        self.partitions.get(&partition).map(|p| p.generation)
    }

    /// Registers a consumed message as in flight. `None` when the partition is not owned.
    pub fn start(&mut self, partition: i32, offset: i64) -> Option<Ticket> {
        let progress = self.partitions.get_mut(&partition)?;
        progress.in_flight.insert(offset);
        progress.highest_started = progress.highest_started.max(Some(offset));
        Some(Ticket {
            partition,
            offset,
            generation: progress.generation,
        })
    }

    /// Marks a message's output as acknowledged. Returns `false` for a fenced ticket (its
    /// partition was revoked or reassigned since it started), which changes nothing.
    pub fn finish(&mut self, ticket: Ticket) -> bool {
        match self.partitions.get_mut(&ticket.partition) {
            Some(progress) if progress.generation == ticket.generation => {
                progress.in_flight.remove(&ticket.offset)
            }
            _ => false,
        }
    }

    pub fn in_flight(&self, partition: i32) -> usize {
        self.partitions
            .get(&partition)
            .map_or(0, |p| p.in_flight.len())
    }

    pub fn total_in_flight(&self) -> usize {
        self.partitions.values().map(|p| p.in_flight.len()).sum()
    }

    /// The commit point of a partition: every offset below it has been acknowledged.
    pub fn commit_point(&self, partition: i32) -> Option<i64> {
        self.partitions.get(&partition)?.commit_point()
    }

    /// Commit points that moved past the last confirmed commit, for the given partitions (all
    /// owned ones when `None`).
    pub fn pending_commits(&self, only: Option<&[i32]>) -> Vec<CommitPoint> {
        self.partitions
            .iter()
            .filter(|(partition, _)| only.is_none_or(|only| only.contains(partition)))
            .filter_map(|(&partition, progress)| {
                let offset = progress.commit_point()?;
                (progress.committed != Some(offset)).then_some(CommitPoint { partition, offset })
            })
            .collect()
    }

    /// Records a commit the broker confirmed, if the partition is still owned.
    pub fn confirm_commit(&mut self, point: CommitPoint) {
        if let Some(progress) = self.partitions.get_mut(&point.partition) {
            progress.committed = progress.committed.max(Some(point.offset));
        }
    }

    pub fn committed(&self, partition: i32) -> Option<i64> {
        self.partitions.get(&partition)?.committed
    }
}

/// The tracker shared between the intake loop, the rebalance callback and delivery callbacks,
/// with a way to wait until partitions have drained.
#[derive(Debug, Default)]
pub struct SharedOffsets {
    tracker: Mutex<OffsetTracker>,
    drained: Condvar,
}

impl SharedOffsets {
    pub fn lock(&self) -> MutexGuard<'_, OffsetTracker> {
        // A poisoned lock means a thread panicked mid-update; the bookkeeping itself is a set of
        // plain inserts and removes that cannot be left half-done, so keep going.
        self.tracker
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    /// Finishes a ticket and wakes anyone waiting for a drain. Returns `false` when fenced.
    pub fn finish(&self, ticket: Ticket) -> bool {
        let finished = self.lock().finish(ticket);
        self.drained.notify_all();
        finished
    }

    /// Blocks until the given partitions (all owned ones when `None`) have nothing in flight,
    /// or the timeout passes. Returns how many messages are still in flight.
    pub fn wait_drained(&self, only: Option<&[i32]>, timeout: Duration) -> usize {
        let deadline = Instant::now() + timeout;
        let mut tracker = self.lock();
        loop {
            let remaining: usize = match only {
                Some(partitions) => partitions.iter().map(|p| tracker.in_flight(*p)).sum(),
                None => tracker.total_in_flight(),
            };
            let now = Instant::now();
            if remaining == 0 || now >= deadline {
                return remaining;
            }
            tracker = self
                .drained
                .wait_timeout(tracker, deadline - now)
                .unwrap_or_else(|poison| poison.into_inner())
                .0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_slow_message_holds_the_commit_back() {
        let mut tracker = OffsetTracker::default();
        tracker.assign(0);
        let tickets: Vec<Ticket> = (10..15).map(|o| tracker.start(0, o).unwrap()).collect();
        assert_eq!(tracker.commit_point(0), Some(10));
        tracker.finish(tickets[0]);
        tracker.finish(tickets[2]);
        tracker.finish(tickets[3]);
        assert_eq!(tracker.commit_point(0), Some(11));
        tracker.finish(tickets[1]);
        assert_eq!(tracker.commit_point(0), Some(14));
        tracker.finish(tickets[4]);
        assert_eq!(tracker.commit_point(0), Some(15));
    }

    #[test]
    fn reassignment_fences_old_tickets() {
        let mut tracker = OffsetTracker::default();
        tracker.assign(3);
        let old = tracker.start(3, 100).unwrap();
        tracker.revoke(3);
        assert!(!tracker.finish(old));
        assert_eq!(tracker.start(3, 101), None);
        tracker.assign(3);
        assert!(!tracker.finish(old));
        assert_eq!(tracker.commit_point(3), None);
        assert!(tracker.pending_commits(None).is_empty());
    }

    #[test]
    fn confirmed_commits_are_not_requested_again() {
        let mut tracker = OffsetTracker::default();
        tracker.assign(1);
        let ticket = tracker.start(1, 0).unwrap();
        tracker.finish(ticket);
        let pending = tracker.pending_commits(None);
        assert_eq!(
            pending,
            vec![CommitPoint {
                partition: 1,
                offset: 1
            }]
        );
        tracker.confirm_commit(pending[0]);
        assert!(tracker.pending_commits(None).is_empty());
        assert_eq!(tracker.committed(1), Some(1));
    }

    #[test]
    fn waiting_for_a_drain_returns_when_the_last_ticket_finishes() {
        let shared = std::sync::Arc::new(SharedOffsets::default());
        shared.lock().assign(0);
        let ticket = shared.lock().start(0, 5).unwrap();
        let finisher = {
            let shared = shared.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                shared.finish(ticket)
            })
        };
        assert_eq!(shared.wait_drained(Some(&[0]), Duration::from_secs(10)), 0);
        assert!(finisher.join().unwrap());
        assert_eq!(shared.wait_drained(None, Duration::from_millis(1)), 0);
    }

    #[derive(Debug, Clone)]
    enum Step {
        Finish(usize),
        Revoke,
    }

    fn steps() -> impl Strategy<Value = (usize, Vec<Step>)> {
        (1usize..60).prop_flat_map(|count| {
            let step = prop_oneof![
                20 => (0..count).prop_map(Step::Finish),
                1 => Just(Step::Revoke),
            ];
            (Just(count), proptest::collection::vec(step, 0..120))
        })
    }

    proptest! {
        /// Whatever order completions arrive in (duplicates included), the commit point never
        /// passes an offset that has not finished, and equals the first unfinished one.
        #[test]
        fn only_a_contiguous_prefix_is_ever_committable((count, steps) in steps(), base in 0i64..1000, gap in 1i64..3) {
            let mut tracker = OffsetTracker::default();
            tracker.assign(7);
            let offsets: Vec<i64> = (0..count as i64).map(|i| base + i * gap).collect();
            let tickets: Vec<Ticket> = offsets.iter().map(|o| tracker.start(7, *o).unwrap()).collect();
            let mut done = vec![false; count];
            let mut revoked = false;
            for step in steps {
                match step {
                    Step::Finish(index) => {
                        let accepted = tracker.finish(tickets[index]);
                        prop_assert!(!(revoked && accepted), "a fenced ticket was accepted");
                        if !revoked { done[index] = true; }
                    }
                    Step::Revoke => { tracker.revoke(7); revoked = true; }
                }
                if revoked {
                    prop_assert_eq!(tracker.commit_point(7), None);
                    prop_assert!(tracker.pending_commits(None).is_empty());
                    continue;
                }
                let expected = match done.iter().position(|d| !d) {
                    Some(first_open) => offsets[first_open],
                    None => offsets[count - 1] + 1,
                };
                prop_assert_eq!(tracker.commit_point(7), Some(expected));
            }
        }

        /// Partitions are independent: finishing everything in one never moves another.
        #[test]
        fn partitions_do_not_leak_into_each_other(finish_order in Just((0..20i64).collect::<Vec<_>>()).prop_shuffle()) {
            let mut tracker = OffsetTracker::default();
            tracker.assign(0);
            tracker.assign(1);
            let blocked = tracker.start(1, 0).unwrap();
            let tickets: Vec<Ticket> = (0..20).map(|o| tracker.start(0, o).unwrap()).collect();
            for index in finish_order { tracker.finish(tickets[index as usize]); }
            prop_assert_eq!(tracker.commit_point(0), Some(20));
            prop_assert_eq!(tracker.commit_point(1), Some(0));
            prop_assert!(tracker.finish(blocked));
        }
    }
}
