//! Streaming symptom search over a whole log: [`scan_lines`].

use std::{
    cmp::Reverse,
    collections::VecDeque,
    io::{self, BufRead},
};

use super::{LOOKBACK, OpenListError, PATTERNS, longest_pattern, occurrences, rank, stands};

/// How many bytes are searched at once: large enough that the automaton runs at full speed,
/// small enough that memory stays a few hundred KiB whatever the input.
const CHUNK: usize = 256 * 1024;

/// Bytes kept before each chunk so that the boundary rule sees what precedes an occurrence (a
/// colour code such as `\x1b[1;31m` is at most a dozen bytes; the whole-message rule looks back
/// [`LOOKBACK`] bytes).
const CONTEXT: usize = LOOKBACK + 16;

/// The best symptom of a line so far, with its rank: specificity, pattern length, and the
/// earliest start for ties.
type Best = ((u8, usize, Reverse<u64>), OpenListError);

/// A symptom found on one line of a log.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LineMatch {
    line: u64,
    error: OpenListError,
}

impl LineMatch {
    /// The line's number, counting from 1.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The most specific symptom on the line, as
    /// [`from_message`](OpenListError::from_message) would find it in the line alone.
    pub fn error(&self) -> OpenListError {
        self.error
    }
}

/// The symptom of every line of a log that shows one, read as a stream.
///
/// Lines end at `\n`, `\r\n` or a `\r` alone (as some Windows and embedded tools write logs; a
/// `\r` before `\n` is kept with its line, a byte that is no letter). Any bytes are
/// accepted: invalid UTF-8, colour codes, NUL, lines of any length. The whole input is
/// searched a chunk at a time with the symptom automata, and matches are mapped back to their lines,
/// so memory stays bounded (a few hundred KiB) whatever the input and however long its lines;
/// time is linear in its length. For each line, the result is what
/// [`OpenListError::from_message`] gives for that line.
///
/// The iterator yields `Err` once if reading fails, then ends; [`ScanLines::lines`] and
/// [`ScanLines::bytes`] say how much was read.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::openlist::{self, OpenListError};
///
/// let log = "INFO[0000] start HTTP server @ 0.0.0.0:5244\n\
///            ERRO[0003] failed get objs: failed to list objs: query fail [61008]\n\
///            ERRO[0004] token is expired\n";
/// let mut scan = openlist::scan_lines(log.as_bytes());
/// let found: Vec<_> = scan.by_ref().map(|m| m.map(|m| (m.line(), m.error()))).collect::<Result<_, _>>()?;
/// assert_eq!(found, [(2, OpenListError::QueryFail61008), (3, OpenListError::TokenExpired)]);
/// assert_eq!((scan.lines(), scan.bytes()), (3, log.len() as u64));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn scan_lines<R: BufRead>(reader: R) -> ScanLines<R> {
    ScanLines::with_chunk(reader, CHUNK)
}

/// The iterator of [`scan_lines`].
#[derive(Debug)]
pub struct ScanLines<R> {
    reader: R,
    chunk: usize,
    /// The bytes being searched: `CONTEXT` bytes already searched, then new ones.
    buf: Vec<u8>,
    lowered: Vec<u8>,
    /// Occurrences starting before this index of `buf` were handled by an earlier chunk.
    skip: usize,
    /// Bytes read and lines ended so far.
    bytes: u64,
    newlines: u64,
    /// The best symptom so far on the line in progress: its rank and start, for ties.
    best: Option<Best>,
    /// Whether the line in progress has any byte (for counting a last line without an end).
    line_open: bool,
    ready: VecDeque<LineMatch>,
    done: bool,
    /// Spans of the current chunk, reused.
    found: Vec<(usize, usize, usize)>,
}

impl<R: BufRead> ScanLines<R> {
    pub(crate) fn with_chunk(reader: R, chunk: usize) -> Self {
        ScanLines {
            reader,
            chunk: chunk.max(4 * longest_pattern() + 2 * CONTEXT),
            buf: Vec::new(),
            lowered: Vec::new(),
            skip: 0,
            bytes: 0,
            newlines: 0,
            best: None,
            line_open: false,
            ready: VecDeque::new(),
            done: false,
            found: Vec::new(),
        }
    }

    /// How many lines have been read so far (all of them once the iterator has ended); a last
    /// line without a line end counts.
    pub fn lines(&self) -> u64 {
        self.newlines + u64::from(self.done && self.line_open)
    }

    /// How many bytes have been read so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Reads up to a chunk more; returns whether the input has ended.
    fn fill(&mut self) -> io::Result<bool> {
        let target = self.skip + self.chunk;
        while self.buf.len() < target {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if available.is_empty() {
                return Ok(true);
            }
            let take = available.len().min(target - self.buf.len());
            self.buf.extend_from_slice(&available[..take]);
            self.reader.consume(take);
            self.bytes += take as u64;
        }
        Ok(false)
    }

    /// Searches what the buffer holds, up to where later bytes cannot change the outcome,
    /// and queues the lines that ended there.
    fn search(&mut self, ended: bool) {
        // Occurrences starting at or after `cut` may run past the buffer, or need the byte after
        // them: they wait for the next chunk, which starts `CONTEXT` bytes before `cut`.
        let cut = match ended {
            true => self.buf.len(),
            false => self.buf.len().saturating_sub(longest_pattern() + CONTEXT).max(self.skip),
        };
        self.lowered.clear();
        self.lowered.extend_from_slice(&self.buf);
        self.lowered.make_ascii_lowercase();

        let (buf, skip, found) = (&self.buf, self.skip, &mut self.found);
        found.clear();
        occurrences(buf, 0, &self.lowered, skip..cut, |id, span| {
            let error = PATTERNS.get(id).map(|(_, error, _)| *error);
            if (skip..cut).contains(&span.start) && error.is_some_and(|e| stands(buf, span.start, span.end, e)) {
                found.push((span.start, span.end, id));
            }
        });
        found.sort_unstable();

        // Walk the lines of `skip..cut`, folding each occurrence into the best of its line.
        let base = self.bytes - self.buf.len() as u64;
        let mut from = skip;
        let mut occurrences = self.found.iter().peekable();
        // A line ends at `\n`, or at a `\r` that no `\n` follows (`\r\n` ends one line, at its
        // `\n`). The byte after `cut` is in the buffer unless the input ended.
        let buf = &self.buf;
        let line_ends = memchr::memchr2_iter(b'\n', b'\r', &buf[skip..cut])
            .map(|at| skip + at)
            .filter(|&at| buf[at] == b'\n' || buf.get(at + 1) != Some(&b'\n'));
        for newline in line_ends {
            while let Some(&(start, end, id)) = occurrences.next_if(|(start, _, _)| *start < newline) {
                fold(&mut self.best, base + start as u64, end - start, id);
            }
            self.newlines += 1;
            if let Some((_, error)) = self.best.take() {
                self.ready.push_back(LineMatch { line: self.newlines, error });
            }
            from = newline + 1;
        }
        for &(start, end, id) in occurrences {
            fold(&mut self.best, base + start as u64, end - start, id);
        }
        self.line_open = cut > from || (from == skip && self.line_open);
        if ended {
            if let Some((_, error)) = self.best.take() {
                self.ready.push_back(LineMatch { line: self.newlines + 1, error });
            }
        }

        // Keep `CONTEXT` bytes before `cut` (and everything after it) for the next chunk.
        let keep_from = cut.saturating_sub(CONTEXT);
        self.buf.drain(..keep_from);
        self.skip = cut - keep_from;
    }
}

/// Folds an occurrence of pattern `id` at global position `start` into a line's best: the
/// highest specificity, then the longest pattern, then the earliest.
fn fold(best: &mut Option<Best>, start: u64, len: usize, id: usize) {
    let Some(&(pattern, error, _)) = PATTERNS.get(id) else { return };
    let (specificity, pattern_len) = rank(error, pattern);
    debug_assert_eq!(pattern_len, len);
    let key = (specificity, pattern_len, Reverse(start));
    if best.as_ref().is_none_or(|(current, _)| key > *current) {
        *best = Some((key, error));
    }
}

impl<R: BufRead> Iterator for ScanLines<R> {
    type Item = io::Result<LineMatch>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(found) = self.ready.pop_front() {
                return Some(Ok(found));
            }
            if self.done {
                return None;
            }
            match self.fill() {
                Ok(ended) => {
                    self.search(ended);
                    self.done = ended;
                }
                Err(err) => {
                    self.done = true;
                    return Some(Err(err));
                }
            }
        }
    }
}
