//! A loopback TCP proxy that a test can cut (close every connection, refuse new ones) and restore.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct Proxy {
    pub port: u16,
    cut: Arc<AtomicBool>,
    connections: Arc<Mutex<Vec<TcpStream>>>,
    stopping: Arc<AtomicBool>,
}

impl Proxy {
    /// Listens on `port` and forwards every connection to `127.0.0.1:target_port`.
    pub fn start(port: u16, target_port: u16) -> Proxy {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("proxy port");
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        let cut = Arc::new(AtomicBool::new(false));
        let stopping = Arc::new(AtomicBool::new(false));
        let connections = Arc::new(Mutex::new(Vec::new()));
        {
            let (cut, stopping, connections) = (cut.clone(), stopping.clone(), connections.clone());
            std::thread::spawn(move || {
                while !stopping.load(Ordering::Relaxed) {
                    match listener.accept() {
                        Ok((client, _)) => {
                            if cut.load(Ordering::Relaxed) {
                                let _ = client.shutdown(Shutdown::Both);
                                continue;
                            }
                            let _ = client.set_nonblocking(false);
                            let Ok(server) = TcpStream::connect(("127.0.0.1", target_port)) else {
                                continue;
                            };
                            track(&connections, &client, &server);
                            pipe(&client, &server);
                            pipe(&server, &client);
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            });
        }
        Proxy {
            port,
            cut,
            connections,
            stopping,
        }
    }

    /// The outage: every open connection is closed and new ones are refused.
    pub fn cut(&self) {
        self.cut.store(true, Ordering::Relaxed);
        for stream in self.connections.lock().unwrap().drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    pub fn restore(&self) {
        self.cut.store(false, Ordering::Relaxed);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::Relaxed);
        self.cut();
    }
}

fn track(connections: &Mutex<Vec<TcpStream>>, client: &TcpStream, server: &TcpStream) {
    let mut connections = connections.lock().unwrap();
    for stream in [client, server] {
        if let Ok(clone) = stream.try_clone() {
            connections.push(clone);
        }
    }
}

fn pipe(from: &TcpStream, to: &TcpStream) {
    let (Ok(mut from), Ok(mut to)) = (from.try_clone(), to.try_clone()) else {
        return;
    };
    std::thread::spawn(move || {
        let mut buffer = [0u8; 64 * 1024];
        loop {
            match from.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(read) => {
                    if to.write_all(&buffer[..read]).is_err() {
                        break;
                    }
                }
            }
        }
        let _ = to.shutdown(Shutdown::Both);
        let _ = from.shutdown(Shutdown::Both);
    });
}
