//! The bulk job's journal: one JSON line per outcome, appended as each is
//! known, so that a job stopped at any point (Ctrl-C, a crash, `kill -9`)
//! can be resumed without resetting anyone twice or forgetting anyone.
//!
//! ```text
//! {"id":"U0123","outcome":"reset"}
//! {"id":"U0456","outcome":"user_not_found","final":true,"message":"..."}
//! ```
//!
//! Lines are written through a buffer flushed every [`FLUSH_EVERY`] outcomes
//! and at least every [`FLUSH_INTERVAL`]: a crash loses at most the last
//! batch, whose IDs a resumed job simply sends again (a reset is
//! idempotent). A line cut short by a crash is ignored on reading. The last
//! line of an ID wins; an ID is settled when that line is final (see
//! [`Outcome::is_final`]).
//!
//! ```
//! use slackline_examples::bulk::Outcome;
//! use slackline_examples::journal::Journal;
//! let dir = std::env::temp_dir().join(format!("journal-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let path = dir.join("job.journal");
//! # let _ = std::fs::remove_file(&path);
//! let mut journal = Journal::open(&path, false).unwrap();
//! journal.record("U1", &Outcome::Reset).unwrap();
//! journal.flush().unwrap();
//! drop(journal);
//! let resumed = Journal::open(&path, true).unwrap();
//! assert!(resumed.settled("U1").is_some());
//! assert!(resumed.settled("U2").is_none());
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::bulk::{Failure, Outcome, RESET};

/// Outcomes buffered before a flush.
pub const FLUSH_EVERY: usize = 32;
/// Longest time an outcome stays in the buffer (checked at each record).
pub const FLUSH_INTERVAL: Duration = Duration::from_millis(200);
/// Largest journal read back (a 200,000-user org takes about 12 MB).
pub const MAX_JOURNAL_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
struct Line {
    id: String,
    outcome: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    r#final: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    message: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    maybe_applied: bool,
}

/// Why a journal cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The file exists and holds outcomes, and `resume` was not asked for.
    #[error(
        "the journal {0} already holds outcomes of an earlier job: pass --resume to continue it, \
         or remove the file to start again"
    )]
    Exists(PathBuf),
    /// Another process has the journal open (the same job started twice).
    #[error("the journal {0} is in use by another running job")]
    InUse(PathBuf),
    /// Larger than [`MAX_JOURNAL_BYTES`].
    #[error("the journal {0} is larger than {MAX_JOURNAL_BYTES} bytes")]
    TooLarge(PathBuf),
    /// Reading or writing failed.
    #[error("journal {path}: {source}")]
    Io {
        /// The journal.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },
}

/// An append-only journal of outcomes (see the [module docs](self)).
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    out: BufWriter<File>,
    pending: usize,
    last_flush: Instant,
    settled: HashMap<String, Outcome>,
    skipped_lines: usize,
}

impl Journal {
    /// Opens `path` for appending. With `resume`, the outcomes already in it
    /// are read first ([`settled`](Self::settled)); without, the file must
    /// not hold any yet.
    ///
    /// # Errors
    /// [`JournalError`].
    pub fn open(path: &Path, resume: bool) -> Result<Journal, JournalError> {
        let io = |source| JournalError::Io {
            path: path.to_owned(),
            source,
        };
        let mut settled = HashMap::new();
        let mut skipped_lines = 0;
        // One job per journal: two appending to one file would each redo
        // what the other settles. The lock goes with the file handle, so a
        // killed job releases it.
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(JournalError::InUse(path.to_owned()));
            }
            Err(std::fs::TryLockError::Error(err)) => return Err(io(err)),
        }
        let len = file.metadata().map_err(io)?.len();
        if len > 0 && !resume {
            return Err(JournalError::Exists(path.to_owned()));
        }
        if len > MAX_JOURNAL_BYTES {
            return Err(JournalError::TooLarge(path.to_owned()));
        }
        let mut text = String::new();
        (&file)
            .take(MAX_JOURNAL_BYTES)
            .read_to_string(&mut text)
            .map_err(io)?;
        let needs_newline = !text.is_empty() && !text.ends_with('\n');
        for raw in text.lines().filter(|l| !l.trim().is_empty()) {
            match serde_json::from_str::<Line>(raw) {
                Ok(line) => {
                    let outcome = line.outcome();
                    if outcome.is_final() {
                        settled.insert(line.id, outcome);
                    } else {
                        settled.remove(&line.id);
                    }
                }
                // A line cut short by a crash (only the last can be).
                Err(_) => skipped_lines += 1,
            }
        }
        if needs_newline {
            // End a torn line, so the next outcome starts a line of its own.
            file.write_all(b"\n").map_err(io)?;
        }
        Ok(Journal {
            path: path.to_owned(),
            out: BufWriter::new(file),
            pending: 0,
            last_flush: Instant::now(),
            settled,
            skipped_lines,
        })
    }

    /// The outcome that settles `id`, if an earlier run recorded one.
    pub fn settled(&self, id: &str) -> Option<&Outcome> {
        self.settled.get(id)
    }

    /// How many IDs earlier runs settled.
    pub fn settled_count(&self) -> usize {
        self.settled.len()
    }

    /// Lines that could not be read (a line cut short by a crash).
    pub fn skipped_lines(&self) -> usize {
        self.skipped_lines
    }

    /// The journal's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `id`'s outcome; flushes when the batch is full or old enough.
    ///
    /// # Errors
    /// [`JournalError::Io`].
    pub fn record(&mut self, id: &str, outcome: &Outcome) -> Result<(), JournalError> {
        let line = Line::of(id, outcome);
        let mut text = serde_json::to_string(&line).expect("a journal line serializes");
        text.push('\n');
        self.out
            .write_all(text.as_bytes())
            .map_err(|source| self.io(source))?;
        self.pending += 1;
        if self.pending >= FLUSH_EVERY || self.last_flush.elapsed() >= FLUSH_INTERVAL {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the buffered outcomes to the file and asks the OS to keep them.
    ///
    /// # Errors
    /// [`JournalError::Io`].
    pub fn flush(&mut self) -> Result<(), JournalError> {
        self.out.flush().map_err(|source| self.io(source))?;
        self.pending = 0;
        self.last_flush = Instant::now();
        Ok(())
    }

    /// Flushes and syncs the file to disk (at the end of a job).
    ///
    /// # Errors
    /// [`JournalError::Io`].
    pub fn sync(&mut self) -> Result<(), JournalError> {
        self.flush()?;
        self.out
            .get_ref()
            .sync_data()
            .map_err(|source| self.io(source))
    }

    fn io(&self, source: io::Error) -> JournalError {
        JournalError::Io {
            path: self.path.clone(),
            source,
        }
    }
}

impl Line {
    fn of(id: &str, outcome: &Outcome) -> Line {
        match outcome {
            Outcome::Reset => Line {
                id: id.to_owned(),
                outcome: RESET.to_owned(),
                r#final: true,
                message: String::new(),
                maybe_applied: false,
            },
            Outcome::Failed(failure) => Line {
                id: id.to_owned(),
                outcome: failure.key.clone(),
                r#final: outcome.is_final(),
                message: failure.message.clone(),
                maybe_applied: failure.maybe_applied,
            },
        }
    }

    fn outcome(&self) -> Outcome {
        if self.outcome == RESET {
            Outcome::Reset
        } else {
            Outcome::Failed(Failure {
                key: self.outcome.clone(),
                message: self.message.clone(),
                maybe_applied: self.maybe_applied,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("slackline-journal-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        let _ = std::fs::remove_file(&path);
        path
    }

    fn failed(key: &str) -> Outcome {
        Outcome::Failed(Failure {
            key: key.to_owned(),
            message: format!("{key} happened"),
            maybe_applied: false,
        })
    }

    #[test]
    fn resumes_final_outcomes_only_and_survives_a_torn_line() {
        let path = temp("torn.journal");
        let mut journal = Journal::open(&path, false).unwrap();
        journal.record("U1", &Outcome::Reset).unwrap();
        journal.record("U2", &failed("user_not_found")).unwrap();
        journal.record("U3", &failed("ratelimited")).unwrap();
        journal.record("U4", &failed("ratelimited")).unwrap();
        journal.record("U4", &Outcome::Reset).unwrap();
        journal.sync().unwrap();
        drop(journal);
        // A crash in the middle of a line.
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(br#"{"id":"U5","outc"#).unwrap();
        drop(file);

        assert!(matches!(
            Journal::open(&path, false),
            Err(JournalError::Exists(_))
        ));
        let mut journal = Journal::open(&path, true).unwrap();
        assert_eq!(journal.skipped_lines(), 1);
        assert_eq!(journal.settled("U1"), Some(&Outcome::Reset));
        assert_eq!(journal.settled("U2").unwrap().key(), "user_not_found");
        assert!(journal.settled("U3").is_none(), "transient: tried again");
        assert_eq!(journal.settled("U4"), Some(&Outcome::Reset));
        assert!(journal.settled("U5").is_none());
        assert_eq!(journal.settled_count(), 3);
        journal.record("U5", &Outcome::Reset).unwrap();
        journal.flush().unwrap();
        drop(journal);
        let journal = Journal::open(&path, true).unwrap();
        assert_eq!(journal.settled("U5"), Some(&Outcome::Reset));
        assert_eq!(journal.settled_count(), 4);
        // One job at a time per journal.
        assert!(matches!(
            Journal::open(&path, true),
            Err(JournalError::InUse(_))
        ));
        drop(journal);
        assert!(Journal::open(&path, true).is_ok());
    }
}
