//! What operators see: Prometheus metrics, health and readiness, and structured logs.

pub mod health;
pub mod http;
pub mod logging;
pub mod metrics;
