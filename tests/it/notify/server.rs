//! The loopback HTTP servers the notification tests post to: one that answers a scripted
//! sequence of statuses and records every request body, one that never answers. Both bind
//! 127.0.0.1 on a free port and stop by themselves (at most 20 requests or 60 seconds).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::SECRET_PATH;

/// A loopback HTTP server that answers the n-th request with `statuses[n]` (the last one
/// repeated) and records every request body. It stops by itself after 20 requests or 60
/// seconds.
pub struct Server {
    pub port: u16,
    bodies: Arc<Mutex<Vec<Vec<u8>>>>,
}

impl Server {
    pub fn start(statuses: &[u16]) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let recorded = Arc::clone(&bodies);
        let statuses = statuses.to_vec();
        listener.set_nonblocking(true).unwrap();
        thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(60);
            let mut served = 0;
            while served < 20 && Instant::now() < deadline {
                let Ok((stream, _)) = listener.accept() else {
                    thread::sleep(Duration::from_millis(5));
                    continue;
                };
                let status = statuses[served.min(statuses.len() - 1)];
                if let Some(body) = answer(stream, status) {
                    recorded.lock().unwrap().push(body);
                }
                served += 1;
            }
        });
        Server { port, bodies }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{SECRET_PATH}", self.port)
    }

    pub fn bodies(&self) -> Vec<Value> {
        self.bodies
            .lock()
            .unwrap()
            .iter()
            .map(|b| serde_json::from_slice(b).expect("the payload is valid JSON"))
            .collect()
    }
}

/// Read one request (headers, then Content-Length bytes), answer `status`, close.
fn answer(mut stream: TcpStream, status: u16) -> Option<Vec<u8>> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let header_end = loop {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..header_end]).to_ascii_lowercase();
    assert!(head.starts_with("post "), "{head}");
    assert!(head.contains("content-type: application/json"), "{head}");
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while buf.len() < header_end + length {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let reply =
        format!("HTTP/1.1 {status} Status\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
    stream.write_all(reply.as_bytes()).ok()?;
    Some(buf[header_end..].to_vec())
}

/// A server that accepts connections and never answers; counts them. Stops by itself.
pub fn silent_server() -> (String, Arc<Mutex<usize>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let count = Arc::new(Mutex::new(0));
    let seen = Arc::clone(&count);
    thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut held = Vec::new();
        while held.len() < 20 && Instant::now() < deadline {
            match listener.accept() {
                Ok((stream, _)) => {
                    held.push(stream);
                    *seen.lock().unwrap() += 1;
                }
                Err(_) => thread::sleep(Duration::from_millis(5)),
            }
        }
    });
    (format!("http://127.0.0.1:{port}{SECRET_PATH}"), count)
}
