//! Raw-HTTP helpers (the mock must not depend on the slackline client).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use slackline_mock::{MockSlack, RateLimits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A decoded answer.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
    pub json: Value,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn error(&self) -> Option<&str> {
        self.json["error"].as_str()
    }

    pub fn ok(&self) -> bool {
        self.json["ok"] == Value::Bool(true)
    }

    pub fn messages(&self) -> Vec<String> {
        self.json["response_metadata"]["messages"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|m| m.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

/// `GET /_mock/stats`: the emulator's counters.
pub async fn stats(mock: &MockSlack) -> Value {
    let r = client()
        .get(format!("http://{}/_mock/stats", mock.addr()))
        .send()
        .await
        .unwrap();
    decode(r).await.json
}

/// The `slackline-mock` binary, started with some flags; killed when dropped, so a
/// failed assertion leaves no process behind.
pub struct Binary {
    child: Child,
    /// Its base URL (`http://127.0.0.1:PORT/api/`), from the first line it prints.
    pub base: String,
}

impl Binary {
    pub fn start(args: &[&str]) -> Binary {
        let mut child = Command::new(env!("CARGO_BIN_EXE_slackline-mock"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line.trim().rsplit(' ').next().unwrap().to_owned();
        Binary { child, base }
    }
}

impl Drop for Binary {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn mock() -> MockSlack {
    MockSlack::builder()
        .demo_org()
        .rate_limits(RateLimits::Off)
        .start()
        .await
        .unwrap()
}

pub async fn decode(r: reqwest::Response) -> Resp {
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    let text = r.text().await.unwrap();
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    Resp {
        status,
        headers,
        text,
        json,
    }
}

/// POST a form with the token as Bearer header.
pub async fn call(
    mock: &MockSlack,
    method: &str,
    token: Option<&str>,
    form: &[(&str, &str)],
) -> Resp {
    let mut req = client()
        .post(format!("{}{method}", mock.base_url()))
        .form(form);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    decode(req.send().await.unwrap()).await
}

/// POST a JSON body.
pub async fn call_json(mock: &MockSlack, method: &str, token: Option<&str>, body: &Value) -> Resp {
    let mut req = client()
        .post(format!("{}{method}", mock.base_url()))
        .header("content-type", "application/json; charset=utf-8")
        .body(body.to_string());
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    decode(req.send().await.unwrap()).await
}

/// Sends raw bytes on a fresh connection; returns everything read until the server
/// closes the connection, a complete answer arrives, 10 s pass or 2 MiB are read.
pub async fn raw(mock: &MockSlack, request: &[u8]) -> String {
    let mut s = TcpStream::connect(mock.addr()).await.unwrap();
    // The server may answer (and close) before the whole request is written.
    let _ = s.write_all(request).await;
    let mut out = Vec::new();
    let mut buf = [0u8; 16384];
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        match tokio::time::timeout_at(deadline, s.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) | Err(_) => break,
            Ok(Ok(n)) => {
                out.extend_from_slice(&buf[..n]);
                if complete(&out) || out.len() >= 2 * 1024 * 1024 {
                    break;
                }
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn complete(resp: &[u8]) -> bool {
    let Some(end) = resp.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&resp[..end]).to_ascii_lowercase();
    let len = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0);
    resp.len() >= end + 4 + len
}

/// The JSON body of a raw answer.
pub fn raw_json(resp: &str) -> Value {
    resp.split_once("\r\n\r\n")
        .and_then(|(_, b)| serde_json::from_str(b).ok())
        .unwrap_or(Value::Null)
}
