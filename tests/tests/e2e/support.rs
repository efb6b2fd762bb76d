//! Helpers shared by the end-to-end tests.

use slackline::{RateLimits, RetryPolicy, SlackClient, SlackClientBuilder, SlackToken};

/// The method most tests call.
pub const RESET: &str = "admin.users.session.reset";

/// The emulator's demo org admin (`admin.users:write`).
pub fn admin() -> SlackToken {
    SlackToken::new(slackline_mock::demo::ADMIN_TOKEN).unwrap()
}

/// A token whose secret part is easy to look for in outputs.
pub const SECRET: &str = "xoxp-1111-2222-topsecretvalue";

pub fn token() -> SlackToken {
    SlackToken::new(SECRET).unwrap()
}

/// A client for `base` with no pacing and no retries: what a test sees is
/// exactly one request's outcome.
pub fn plain_client(base: &str) -> SlackClient {
    plain_builder(base).build().unwrap()
}

pub fn plain_builder(base: &str) -> SlackClientBuilder {
    SlackClient::builder()
        .base_url(base)
        .rate_limits(RateLimits::off())
        .retry_policy(RetryPolicy::none())
}

/// The base URL of a wiremock server (`/api/` under it).
pub fn api_base(server: &wiremock::MockServer) -> String {
    format!("{}/api/", server.uri())
}

/// An answer read off the wire by [`raw_http`].
#[derive(Debug)]
pub struct RawAnswer {
    pub status: u16,
    pub headers: http::HeaderMap,
    pub body: Vec<u8>,
}

/// One bare HTTP/1.1 exchange with a server on 127.0.0.1, with no HTTP client
/// library in between: the request goes out exactly as given (plus `Host`,
/// `Content-Length` and `Connection: close`).
pub async fn raw_http(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<RawAnswer> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    assert!(addr.ip().is_loopback(), "tests only talk to 127.0.0.1");
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body).await?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await?;
    parse_http_answer(&raw).ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, "not an HTTP/1.1 answer")
    })
}

fn parse_http_answer(raw: &[u8]) -> Option<RawAnswer> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    let mut rest = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let mut headers = http::HeaderMap::new();
    for line in lines {
        let (name, value) = line.split_once(':')?;
        headers.append(
            http::HeaderName::try_from(name.trim()).ok()?,
            http::HeaderValue::try_from(value.trim()).ok()?,
        );
    }
    if let Some(len) = headers
        .get("content-length")
        .and_then(|v| v.to_str().ok()?.parse().ok())
    {
        rest.truncate(len);
    }
    Some(RawAnswer {
        status,
        headers,
        body: rest,
    })
}

/// A custom transport that sends each request to `addr` with [`raw_http`],
/// leaving out the `Authorization` header when `strip_authorization`.
pub fn forwarding_transport(
    addr: std::net::SocketAddr,
    strip_authorization: bool,
) -> impl slackline::transport::Transport {
    use slackline::TransportErrorKind;
    use slackline::transport::{HttpRequest, HttpResponse, TransportError};
    move |request: HttpRequest| async move {
        let path = request
            .url
            .find("/api/")
            .map(|i| request.url[i..].to_owned())
            .ok_or_else(|| TransportError::new(TransportErrorKind::Other, "no /api/ in the URL"))?;
        let mut headers = Vec::new();
        for (name, value) in &request.headers {
            if strip_authorization && name == http::header::AUTHORIZATION {
                continue;
            }
            let value = value
                .to_str()
                .map_err(|e| TransportError::new(TransportErrorKind::Other, e.to_string()))?;
            headers.push((name.as_str().to_owned(), value.to_owned()));
        }
        let headers: Vec<(&str, &str)> = headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let answer = raw_http(
            addr,
            request.method.as_str(),
            &path,
            &headers,
            &request.body,
        )
        .await
        .map_err(|e| TransportError::new(TransportErrorKind::Closed, e.to_string()))?;
        let mut response = HttpResponse::json(answer.status, answer.body);
        response.headers = answer.headers;
        Ok(response)
    }
}

/// A hand-written HTTP/1.1 server on 127.0.0.1 that can misbehave as no
/// library server would: each request is read whole (head and
/// `Content-Length` body), then `answer` gets the request's number (0 for
/// the first), its head and the stream, and writes whatever it likes. Returns the base
/// URL (`/api/` under it) and the count of requests read.
pub async fn hostile_server<F, Fut>(
    answer: F,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>)
where
    F: Fn(usize, String, tokio::net::TcpStream) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/api/", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    let answer = Arc::new(answer);
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let (answer, seen) = (answer.clone(), seen.clone());
            tokio::spawn(async move {
                if let Some(head) = read_request(&mut stream).await {
                    let n = seen.fetch_add(1, Ordering::SeqCst);
                    answer(n, head, stream).await;
                }
            });
        }
    });
    (base, count)
}

/// Reads one request (head and `Content-Length` body, at most 16 MiB); its head.
async fn read_request(stream: &mut tokio::net::TcpStream) -> Option<String> {
    use tokio::io::AsyncReadExt;
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let head_end = loop {
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        if raw.len() > 16 << 20 {
            return None;
        }
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).into_owned();
    let body_len: usize = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or(0);
    let mut have = raw.len() - head_end;
    while have < body_len.min(16 << 20) {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => have += n,
        }
    }
    Some(head)
}

/// Writes a complete answer with a `Content-Length` body and closes.
pub async fn write_answer(
    mut stream: tokio::net::TcpStream,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) {
    use tokio::io::AsyncWriteExt;
    let mut head = format!("HTTP/1.1 {status} Hostile\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(body).await;
    let _ = stream.shutdown().await;
}
