//! Readiness: is this worker connected and doing its job right now?
//!
//! `/readyz` answers 200 only when the consumer has joined its group (an assignment arrived and
//! its brokers are reachable), the producer reaches a broker, and no message is stuck retrying
//! delivery. Each flag is set by the callback that observes it, so this holds no logic of its own
//! beyond the conjunction.

use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

#[derive(Debug, Default)]
pub struct Health {
    consumer_joined: AtomicBool,
    consumer_connected: AtomicBool,
    producer_connected: AtomicBool,
    undeliverable: AtomicI64,
}

/// Why the worker is or is not ready, for `/readyz`'s body.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Readiness {
    pub ready: bool,
    pub consumer_joined: bool,
    pub consumer_connected: bool,
    pub producer_connected: bool,
    pub undeliverable_messages: i64,
}

impl Health {
    pub fn set_consumer_joined(&self, joined: bool) {
        self.consumer_joined.store(joined, Ordering::Relaxed);
    }

    pub fn set_consumer_connected(&self, connected: bool) {
        self.consumer_connected.store(connected, Ordering::Relaxed);
    }

    pub fn set_producer_connected(&self, connected: bool) {
        self.producer_connected.store(connected, Ordering::Relaxed);
    }

    /// Counts a message entering (+1) or leaving (-1) delivery retry.
    pub fn add_undeliverable(&self, delta: i64) {
        self.undeliverable.fetch_add(delta, Ordering::Relaxed);
    }

    pub fn readiness(&self) -> Readiness {
        let consumer_joined = self.consumer_joined.load(Ordering::Relaxed);
        let consumer_connected = self.consumer_connected.load(Ordering::Relaxed);
        let producer_connected = self.producer_connected.load(Ordering::Relaxed);
        let undeliverable_messages = self.undeliverable.load(Ordering::Relaxed);
        Readiness {
            ready: consumer_joined
                && consumer_connected
                && producer_connected
                && undeliverable_messages == 0,
            consumer_joined,
            consumer_connected,
            producer_connected,
            undeliverable_messages,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_only_when_every_condition_holds() {
        let health = Health::default();
        assert!(!health.readiness().ready);
        health.set_consumer_joined(true);
        health.set_consumer_connected(true);
        health.set_producer_connected(true);
        assert!(health.readiness().ready);
        health.add_undeliverable(1);
        assert!(!health.readiness().ready);
        health.add_undeliverable(-1);
        assert!(health.readiness().ready);
        health.set_producer_connected(false);
        assert!(!health.readiness().ready);
    }
}
