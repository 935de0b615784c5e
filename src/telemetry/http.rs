//! The HTTP endpoints: `/metrics`, `/healthz` and `/readyz`.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use tokio::net::TcpListener;

use super::health::Health;
use super::metrics::Metrics;

#[derive(Clone)]
struct Endpoints {
    metrics: Metrics,
    health: Arc<Health>,
}

/// Binds the listener now (so a taken port fails start-up) and returns the server future.
pub async fn bind(
    listen: SocketAddr,
    metrics: Metrics,
    health: Arc<Health>,
) -> std::io::Result<(
    SocketAddr,
    impl std::future::Future<Output = std::io::Result<()>>,
)> {
    let listener = TcpListener::bind(listen).await?;
    let local = listener.local_addr()?;
    let app = Router::new()
        .route("/metrics", get(metrics_text))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readiness))
        .with_state(Endpoints { metrics, health });
    Ok((local, async move { axum::serve(listener, app).await }))
}

async fn metrics_text(State(endpoints): State<Endpoints>) -> impl IntoResponse {
    // Readiness as a series too, current at every scrape, so that alerts need no probe.
    endpoints
        .metrics
        .ready
        .set(i64::from(endpoints.health.readiness().ready));
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        endpoints.metrics.render(),
    )
}

async fn readiness(State(endpoints): State<Endpoints>) -> impl IntoResponse {
    let readiness = endpoints.health.readiness();
    let status = if readiness.ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(readiness))
}
