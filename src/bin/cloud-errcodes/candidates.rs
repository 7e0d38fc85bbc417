//! The lines of a stream that hold a marker ([`crate::markers`]), found without reading the
//! others: the markers' automata run over the input a chunk at a time, and only a line where
//! one stops is looked at. Memory is bounded whatever the input and however long its lines; time is
//! linear in its length.

use std::io::{self, Read};

use aho_corasick::{AhoCorasick, Input, MatchKind};

/// How many bytes are read at a time.
const CHUNK: usize = 256 * 1024;

/// The most of a line handed on, each side of its first marker: a line longer than
/// `2 * HALF` is cut to the window around the marker.
pub const HALF: usize = 32 * 1024;

/// Finds the lines holding any of a set of markers, ignoring ASCII case.
pub struct Finder {
    /// The markers (lowercase) in groups of at most [`GROUP`], each searched over a lowercased
    /// copy of the input: `aho-corasick` keeps its SIMD prefilter for up to 64 patterns and
    /// gives it up beyond, which costs far more than a few passes over the same bytes.
    groups: Vec<AhoCorasick>,
    longest: usize,
}

/// The most markers one automaton holds.
const GROUP: usize = 64;

/// How much a stream held.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Lines, a last line without `\n` included.
    pub lines: u64,
    pub bytes: u64,
}

impl Finder {
    pub fn new<S: AsRef<str>>(markers: &[S]) -> Result<Self, String> {
        let lowered: Vec<String> = markers.iter().map(|m| m.as_ref().to_ascii_lowercase()).collect();
        let groups = lowered
            .chunks(GROUP)
            .map(|group| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(group)
                    .map_err(|err| format!("cannot build the marker automaton: {err}"))
            })
            .collect::<Result<_, _>>()?;
        let longest = lowered.iter().map(String::len).max().unwrap_or(1).max(1);
        Ok(Finder { groups, longest })
    }

    /// Where the lines of `buf[from..]` holding a marker have one (at least one position per
    /// such line), in order.
    fn hits(&self, buf: &[u8], from: usize, lowered: &mut Vec<u8>, hits: &mut Vec<usize>) {
        lowered.clear();
        lowered.extend_from_slice(&buf[from..]);
        lowered.make_ascii_lowercase();
        hits.clear();
        for group in &self.groups {
            let mut at = 0;
            while let Some(hit) = group.find(Input::new(&lowered[..]).span(at..lowered.len())) {
                hits.push(from + hit.start());
                // One hit per line and group is enough: go on after the line.
                at = match memchr::memchr(b'\n', &lowered[hit.start()..]) {
                    Some(offset) => hit.start() + offset + 1,
                    None => break,
                };
            }
        }
        hits.sort_unstable();
        hits.dedup();
    }

    /// Calls `found(line, text)` for every line of `reader` holding a marker, in order, once
    /// each: `line` counts from 1, `text` is the line without its `\n` (cut to `HALF` bytes each
    /// side of its first marker). `totals` says how much was read, also when reading fails.
    pub fn each_line<R: Read>(
        &self,
        mut reader: R,
        totals: &mut Totals,
        mut found: impl FnMut(u64, &[u8]),
    ) -> io::Result<()> {
        let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + 2 * HALF);
        let (mut lowered, mut hits) = (Vec::new(), Vec::new());
        let mut bytes = 0u64;
        // Newlines counted in `buf[..counted]` (and in what was dropped before it).
        let mut newlines = 0u64;
        let mut counted = 0usize;
        // Where the next search starts, and whether the line at `counted` was handed on already.
        let mut resume = 0usize;
        let mut line_done = false;
        let mut last_byte = b'\n';
        loop {
            let filled = fill(&mut reader, &mut buf, resume + CHUNK, &mut bytes);
            totals.bytes = bytes;
            let ended = match filled {
                Ok(ended) => ended,
                Err(err) => {
                    let (lines, _) = count_newlines(&buf[counted..]);
                    totals.lines = newlines + lines;
                    return Err(err);
                }
            };
            if let Some(&last) = buf.last() {
                last_byte = last;
            }
            self.hits(&buf, resume, &mut lowered, &mut hits);
            let mut wait = false;
            for &at in &hits {
                if at < resume {
                    continue;
                }
                let (lines, last_newline) = count_newlines(&buf[counted..at]);
                if lines > 0 {
                    newlines += lines;
                    counted += last_newline + 1;
                    line_done = false;
                }
                let rest = &buf[at..buf.len().min(at + HALF)];
                let end = match memchr::memchr(b'\n', rest) {
                    Some(offset) => Some(at + offset),
                    None if ended || rest.len() == HALF => None,
                    None => {
                        // The line may go on in the next chunk: search again from here then.
                        resume = at;
                        wait = true;
                        break;
                    }
                };
                if !line_done {
                    let start = counted.max(at.saturating_sub(HALF));
                    let stop = end.unwrap_or(at + rest.len());
                    found(newlines + 1, &buf[start..stop]);
                    line_done = true;
                }
                resume = match end {
                    Some(newline) => newline + 1,
                    None => at + rest.len(),
                };
            }
            if ended {
                let (lines, _) = count_newlines(&buf[counted..]);
                let open = u64::from(bytes > 0 && last_byte != b'\n');
                *totals = Totals { lines: newlines + lines + open, bytes };
                return Ok(());
            }
            if !wait {
                // A marker may start in the last `longest - 1` bytes and end in the next chunk.
                resume = resume.max(buf.len().saturating_sub(self.longest - 1));
            }
            // Keep `HALF` bytes before `resume` for the start of a line found next.
            let drop = counted.max(resume.saturating_sub(HALF));
            if drop > counted {
                let (lines, _) = count_newlines(&buf[counted..drop]);
                if lines > 0 {
                    newlines += lines;
                    line_done = false;
                }
                counted = drop;
            }
            buf.drain(..drop);
            counted -= drop;
            resume -= drop;
        }
    }
}

/// Reads until `buf` holds `target` bytes or the input ends; returns whether it ended.
fn fill<R: Read>(reader: &mut R, buf: &mut Vec<u8>, target: usize, bytes: &mut u64) -> io::Result<bool> {
    let mut filled = buf.len();
    if filled >= target {
        return Ok(false);
    }
    buf.resize(target, 0);
    let result = loop {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break Ok(true),
            Ok(n) => {
                filled += n;
                *bytes += n as u64;
                if filled == target {
                    break Ok(false);
                }
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => break Err(err),
        }
    };
    buf.truncate(filled);
    result
}

/// How many `\n` `bytes` holds, and where the last one is.
fn count_newlines(bytes: &[u8]) -> (u64, usize) {
    match memchr::memrchr(b'\n', bytes) {
        None => (0, 0),
        Some(last) => (memchr::memchr_iter(b'\n', &bytes[..=last]).count() as u64, last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out at most `step` bytes per call, to cut the input anywhere.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(self.1).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn lines_of(input: &[u8], step: usize) -> (Vec<(u64, String)>, Totals) {
        let finder = Finder::new(&["code\"", "bucket is full"]).unwrap();
        let mut seen = Vec::new();
        let mut totals = Totals::default();
        finder
            .each_line(Trickle(input, step), &mut totals, |line, text| {
                seen.push((line, String::from_utf8_lossy(text).into_owned()));
            })
            .unwrap();
        (seen, totals)
    }

    /// What the finder must give: every line holding a marker, found the slow way.
    fn expected(input: &[u8]) -> Vec<(u64, String)> {
        let text = String::from_utf8_lossy(input).to_ascii_lowercase();
        let original = String::from_utf8_lossy(input);
        text.split('\n')
            .zip(original.split('\n'))
            .enumerate()
            .filter(|(_, (lower, _))| lower.contains("code\"") || lower.contains("bucket is full"))
            .map(|(i, (_, line))| (i as u64 + 1, line.to_owned()))
            .collect()
    }

    #[test]
    fn every_marked_line_once_wherever_the_chunks_end() {
        let mut input = Vec::new();
        for i in 0..12_000u32 {
            match i % 97 {
                0 => input.extend_from_slice(
                    format!("{i} put: {{\"msg\":\"x\",\"CODE\":40300004}} {{\"code\":1}}\n").as_bytes(),
                ),
                13 => input.extend_from_slice(format!("{i} Error: Bucket Is Full\n").as_bytes()),
                _ => input.extend_from_slice(format!("{i} GET /a.jpg 200 decode ok\n").as_bytes()),
            }
        }
        input.extend_from_slice(b"last line without newline: bucket is full");
        let want = expected(&input);
        let lines = input.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        for step in [1 << 20, 4096, 777, 13] {
            let (seen, totals) = lines_of(&input, step);
            assert_eq!(totals, Totals { lines, bytes: input.len() as u64 }, "step {step}");
            assert_eq!(seen, want, "step {step}");
        }
    }

    #[test]
    fn long_lines_are_cut_around_their_marker_and_memory_stays_bounded() {
        let mut input = vec![b'x'; 3 * CHUNK];
        input.extend_from_slice(b" \"code\": 1 ");
        input.extend(std::iter::repeat_n(b'y', 3 * CHUNK));
        input.extend_from_slice(b"\nnext \"code\"\n\n");
        let (seen, totals) = lines_of(&input, 1 << 20);
        assert_eq!(totals.lines, 3);
        assert_eq!(seen.len(), 2);
        let (line, text) = &seen[0];
        assert_eq!(*line, 1);
        assert_eq!(text.len(), 2 * HALF);
        assert!(text.starts_with('x') && text.ends_with('y') && text.contains("\"code\": 1"));
        assert_eq!(seen[1], (2, "next \"code\"".to_owned()));
    }

    #[test]
    fn empty_and_markerless_inputs() {
        assert_eq!(lines_of(b"", 10), (vec![], Totals { lines: 0, bytes: 0 }));
        assert_eq!(lines_of(b"\n\n", 10), (vec![], Totals { lines: 2, bytes: 2 }));
        assert_eq!(lines_of(b"a\nb", 1), (vec![], Totals { lines: 2, bytes: 3 }));
    }
}
