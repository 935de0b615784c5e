//! Turning SIGTERM and SIGINT into one orderly stop.

use tokio::signal::unix::{signal, SignalKind};

/// Resolves with the name of the first termination signal received.
pub async fn termination_signal() -> std::io::Result<&'static str> {
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    Ok(tokio::select! {
        _ = terminate.recv() => "SIGTERM",
        _ = interrupt.recv() => "SIGINT",
    })
}

/// Runs a blocking wait from inside the async world without starving the runtime: on the
/// multi-threaded runtime the current worker hands its other tasks away first.
pub fn block_in_place<R>(wait: impl FnOnce() -> R) -> R {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current() {
        Ok(handle) if handle.runtime_flavor() == RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(wait)
        }
        _ => wait(),
    }
}
