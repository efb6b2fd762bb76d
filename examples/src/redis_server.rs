//! A throwaway `redis-server` for tests and benchmarks: started on a free
//! 127.0.0.1 port in a temporary directory, with no persistence
//! (`--save '' --appendonly no`), and stopped when dropped. It never touches
//! a Redis the machine already runs.
//!
//! Needs `redis-server` on `PATH` (Debian/Ubuntu: `apt-get install
//! redis-server`; the project's `.ci/run` installs it).

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a started server has to answer `PING`.
const READY_TIMEOUT: Duration = Duration::from_secs(10);

/// A running `redis-server`, stopped on drop.
#[derive(Debug)]
pub struct RedisServer {
    child: Option<Child>,
    port: u16,
    dir: PathBuf,
}

impl RedisServer {
    /// Starts `redis-server` on a free loopback port and waits until it
    /// answers.
    ///
    /// # Errors
    /// When `redis-server` is missing or does not answer within 10 s.
    pub fn start() -> io::Result<RedisServer> {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "slackline-redis-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let mut last_error = None;
        // A port found free may be taken before the server binds it: try a few.
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
            let mut server = RedisServer {
                child: None,
                port,
                dir: dir.clone(),
            };
            match server.spawn() {
                Ok(()) => return Ok(server),
                Err(err) => last_error = Some(err),
            }
        }
        Err(last_error.unwrap_or_else(|| io::Error::other("cannot start redis-server")))
    }

    fn spawn(&mut self) -> io::Result<()> {
        // Each try makes the folder: a failed try's drop has removed it.
        std::fs::create_dir_all(&self.dir)?;
        let child = Command::new("redis-server")
            .args(["--bind", "127.0.0.1", "--port"])
            .arg(self.port.to_string())
            .args(["--save", "", "--appendonly", "no", "--dir"])
            .arg(&self.dir)
            .args(["--enable-debug-command", "yes", "--loglevel", "warning"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|err| {
                io::Error::new(
                    err.kind(),
                    format!(
                        "cannot run redis-server ({err}); install it: apt-get install redis-server"
                    ),
                )
            })?;
        self.child = Some(child);
        let started = Instant::now();
        while started.elapsed() < READY_TIMEOUT {
            if ping(self.addr()) {
                return Ok(());
            }
            if let Some(child) = &mut self.child
                && let Ok(Some(status)) = child.try_wait()
            {
                self.child = None;
                return Err(io::Error::other(format!("redis-server exited: {status}")));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.stop();
        Err(io::Error::new(
            io::ErrorKind::TimedOut,
            "redis-server did not answer PING",
        ))
    }

    /// The server's address.
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }

    /// `redis://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    /// Stops the server (its data is gone: nothing is saved).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it again on the same port, empty.
    ///
    /// # Errors
    /// As [`start`](Self::start).
    pub fn restart(&mut self) -> io::Result<()> {
        self.stop();
        self.spawn()
    }

    /// Sends one command (inline protocol) and returns the first reply line,
    /// within `timeout`.
    ///
    /// # Errors
    /// When the server does not answer in time.
    pub fn command(&self, command: &str, timeout: Duration) -> io::Result<String> {
        let mut stream = TcpStream::connect_timeout(&self.addr(), timeout)?;
        stream.set_read_timeout(Some(timeout))?;
        stream.set_write_timeout(Some(timeout))?;
        stream.write_all(format!("{command}\r\n").as_bytes())?;
        let mut buf = [0u8; 512];
        let n = stream.read(&mut buf)?;
        Ok(String::from_utf8_lossy(&buf[..n]).trim_end().to_owned())
    }
}

fn ping(addr: SocketAddr) -> bool {
    let probe = || -> io::Result<bool> {
        let timeout = Duration::from_millis(200);
        let mut stream = TcpStream::connect_timeout(&addr, timeout)?;
        stream.set_read_timeout(Some(timeout))?;
        stream.write_all(b"PING\r\n")?;
        let mut buf = [0u8; 16];
        let n = stream.read(&mut buf)?;
        Ok(buf[..n].starts_with(b"+PONG"))
    };
    probe().unwrap_or(false)
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
