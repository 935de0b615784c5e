//! The global count of messages between intake and broker acknowledgement.
//!
//! Intake takes a slot before a message enters the stage; the delivery callback gives it back
//! when the broker acknowledges the output. This count (not the offset tracker's, which forgets
//! revoked partitions) bounds memory, because a revoked partition's messages still occupy the
//! stage and the producer until they are delivered.

use std::sync::atomic::{AtomicUsize, Ordering};

use prometheus::IntGauge;
use tokio::sync::Notify;

#[derive(Debug)]
pub struct InFlight {
    count: AtomicUsize,
    freed: Notify,
    gauge: IntGauge,
}

impl InFlight {
    pub fn new(gauge: IntGauge) -> Self {
        Self {
            count: AtomicUsize::new(0),
            freed: Notify::new(),
            gauge,
        }
    }

    pub fn acquire(&self) {
        self.count.fetch_add(1, Ordering::AcqRel);
        self.gauge.inc();
    }

    /// Gives a slot back and wakes intake, which may be holding messages for want of one.
    pub fn release(&self) {
        self.count.fetch_sub(1, Ordering::AcqRel);
        self.gauge.dec();
        self.freed.notify_one();
    }

    pub fn count(&self) -> usize {
        self.count.load(Ordering::Acquire)
    }

    /// Resolves after the next `release` (or at once if one happened since the last wait).
    pub async fn freed(&self) {
        self.freed.notified().await
    }
}
