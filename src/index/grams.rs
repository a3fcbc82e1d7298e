//! Which articles hold each folded character and each pair of characters, field by
//! field: the exact answer to a word too short for the trigram index (one or two
//! characters), read as a few small bitmaps instead of every article's text.
//!
//! Table `text_grams`: per field, gram and chunk of 4,096 article numbers, the
//! numbers (less the chunk's first) that hold the gram: a bitmap of 512 bytes
//! when many do, else their sorted list (little-endian `u16`, fewer than 256).
//! A text holds a one-character string iff that character is among its grams,
//! and a two-character string iff that pair is: the answer is exact, for any
//! alphabet. Line breaks (which `fold_parts` puts between parts, and which no
//! folded query has) are not grams.

use rusqlite::{Connection, OptionalExtension, params};

use super::search::Field;

/// Article numbers per row: 4,096, so one bitmap is 512 bytes.
const CHUNK_SHIFT: u32 = 12;
const CHUNK: usize = 1 << CHUNK_SHIFT;
const BITMAP_BYTES: usize = CHUNK / 8;
/// Below this many numbers a row is a list (2 bytes each), else a bitmap.
const LIST_AT_MOST: usize = BITMAP_BYTES / 2 - 1;

/// Numbers waiting to be written, above which the writer applies them.
const PENDING_AT_MOST: usize = 1 << 23;

/// A gram as stored: one character `c` is `c`, a pair `a b` is `(a + 1) << 21 | b`
/// (characters are below 2^21), so the two never meet.
fn unigram(c: char) -> i64 {
    i64::from(u32::from(c))
}

fn bigram(a: char, b: char) -> i64 {
    ((i64::from(u32::from(a)) + 1) << 21) | i64::from(u32::from(b))
}

/// The gram a folded word of one or two characters is, if it is that short.
pub fn of_word(folded: &str) -> Option<i64> {
    let mut chars = folded.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(a), None, _) => Some(unigram(a)),
        (Some(a), Some(b), None) => Some(bigram(a, b)),
        _ => None,
    }
}

/// Every gram of a folded `text`, sorted, each once.
pub fn of_text(text: &str) -> Vec<i64> {
    let mut grams = Vec::with_capacity(text.len() * 2);
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if c == '\n' {
            previous = None;
            continue;
        }
        grams.push(unigram(c));
        if let Some(p) = previous {
            grams.push(bigram(p, c));
        }
        previous = Some(c);
    }
    grams.sort_unstable();
    grams.dedup();
    grams
}

fn field_code(field: Field) -> i64 {
    match field {
        Field::Title => 0,
        Field::Actor => 1,
        Field::Claim => 2,
        Field::Body => 3,
    }
}

/// A row's numbers as a bitmap.
fn decode(blob: &[u8], bits: &mut [u64; CHUNK / 64]) {
    if blob.len() == BITMAP_BYTES {
        for (word, bytes) in bits.iter_mut().zip(blob.chunks_exact(8)) {
            let mut b = [0u8; 8];
            b.copy_from_slice(bytes);
            *word = u64::from_le_bytes(b);
        }
    } else {
        bits.fill(0);
        for pair in blob.chunks_exact(2) {
            let at = usize::from(u16::from_le_bytes([pair[0], pair[1]])) % CHUNK;
            bits[at / 64] |= 1 << (at % 64);
        }
    }
}

/// A bitmap as stored: empty when no number is set.
fn encode(bits: &[u64; CHUNK / 64]) -> Vec<u8> {
    let count: usize = bits.iter().map(|w| w.count_ones() as usize).sum();
    if count > LIST_AT_MOST {
        return bits.iter().flat_map(|w| w.to_le_bytes()).collect();
    }
    let mut out = Vec::with_capacity(count * 2);
    for_each(bits, |at| out.extend_from_slice(&(at as u16).to_le_bytes()));
    out
}

/// Calls `f` with each number set in `bits`, in ascending order.
fn for_each(bits: &[u64; CHUNK / 64], mut f: impl FnMut(usize)) {
    for (i, &word) in bits.iter().enumerate() {
        let mut w = word;
        while w != 0 {
            f(i * 64 + w.trailing_zeros() as usize);
            w &= w - 1;
        }
    }
}

/// Calls `each` with every article number whose `field` holds one of `grams`
/// (keys of tokens too, see [`super::words`]): once per gram holding it, ascending
/// for each gram.
pub fn each_holding(
    conn: &Connection,
    field: Field,
    grams: &[i64],
    mut each: impl FnMut(i64),
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(
        "SELECT chunk, nums FROM text_grams WHERE field = ?1 AND gram = ?2 ORDER BY chunk",
    )?;
    let mut bits = [0u64; CHUNK / 64];
    for &gram in grams {
        let mut rows = stmt.query(params![field_code(field), gram])?;
        while let Some(r) = rows.next()? {
            let base = r.get::<_, i64>(0)? << CHUNK_SHIFT;
            let blob = r.get_ref(1)?.as_blob()?;
            if blob.len() == BITMAP_BYTES {
                decode(blob, &mut bits);
                for_each(&bits, |at| each(base + at as i64));
            } else {
                for pair in blob.chunks_exact(2) {
                    each(base + i64::from(u16::from_le_bytes([pair[0], pair[1]])));
                }
            }
        }
    }
    Ok(())
}

/// The article numbers whose `field` holds `gram`, ascending.
pub fn holding(conn: &Connection, field: Field, gram: i64) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT chunk, nums FROM text_grams WHERE field = ?1 AND gram = ?2 ORDER BY chunk",
    )?;
    let mut rows = stmt.query(params![field_code(field), gram])?;
    let mut out = Vec::new();
    let mut bits = [0u64; CHUNK / 64];
    while let Some(r) = rows.next()? {
        let chunk: i64 = r.get(0)?;
        let base = chunk << CHUNK_SHIFT;
        let blob = r.get_ref(1)?.as_blob()?;
        if blob.len() == BITMAP_BYTES {
            decode(blob, &mut bits);
            for_each(&bits, |at| out.push(base + at as i64));
        } else {
            for pair in blob.chunks_exact(2) {
                out.push(base + i64::from(u16::from_le_bytes([pair[0], pair[1]])));
            }
        }
    }
    Ok(out)
}

/// The numbers to add to and take from one row.
#[derive(Default)]
struct Edit {
    add: Vec<u16>,
    remove: Vec<u16>,
}

/// Gram edits gathered over many files and written together: the rows of a chunk
/// are shared by its 4,096 articles, so each is rewritten once per batch rather
/// than once per article.
#[derive(Default)]
pub struct Pending {
    edits: rustc_hash::FxHashMap<(i64, i64, i64), Edit>,
    /// Numbers added since the last write: removing one of them writes first,
    /// so a number's removal is never applied after its addition.
    added: std::collections::HashSet<i64>,
    count: usize,
}

impl Pending {
    /// The grams (in the order of [`Field::ALL`], see [`of_text`]) are now in article `num`.
    pub fn add(
        &mut self,
        conn: &Connection,
        num: i64,
        grams: &[Vec<i64>; 4],
    ) -> rusqlite::Result<()> {
        self.edit(num, grams, true);
        self.added.insert(num);
        self.write_if_full(conn)
    }

    /// The grams (in the order of [`Field::ALL`]) are no longer in article `num`.
    pub fn remove(
        &mut self,
        conn: &Connection,
        num: i64,
        grams: &[Vec<i64>; 4],
    ) -> rusqlite::Result<()> {
        if self.added.contains(&num) {
            self.write(conn)?;
        }
        self.edit(num, grams, false);
        self.write_if_full(conn)
    }

    fn edit(&mut self, num: i64, grams: &[Vec<i64>; 4], add: bool) {
        let chunk = num >> CHUNK_SHIFT;
        let at = (num & (CHUNK as i64 - 1)) as u16;
        for (field, grams) in Field::ALL.iter().zip(grams) {
            for &gram in grams {
                let edit = self
                    .edits
                    .entry((field_code(*field), gram, chunk))
                    .or_default();
                if add {
                    edit.add.push(at);
                } else {
                    edit.remove.push(at);
                }
                self.count += 1;
            }
        }
    }

    fn write_if_full(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        if self.count > PENDING_AT_MOST {
            self.write(conn)?;
        }
        Ok(())
    }

    /// Applies every edit gathered: each row read once, changed, written back.
    pub fn write(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        let mut edits: Vec<((i64, i64, i64), Edit)> = self.edits.drain().collect();
        self.added.clear();
        self.count = 0;
        // In key order: neighbouring rows share pages.
        edits.sort_unstable_by_key(|(k, _)| *k);
        let mut read = conn
            .prepare("SELECT nums FROM text_grams WHERE field = ?1 AND gram = ?2 AND chunk = ?3")?;
        let mut put = conn.prepare(
            "INSERT OR REPLACE INTO text_grams(field, gram, chunk, nums) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut delete =
            conn.prepare("DELETE FROM text_grams WHERE field = ?1 AND gram = ?2 AND chunk = ?3")?;
        let mut bits = [0u64; CHUNK / 64];
        for ((field, gram, chunk), edit) in edits {
            let key = params![field, gram, chunk];
            let old: Option<Vec<u8>> = read.query_row(key, |r| r.get(0)).optional()?;
            match &old {
                Some(blob) => decode(blob, &mut bits),
                None => bits.fill(0),
            }
            for at in edit.remove {
                let at = usize::from(at);
                bits[at / 64] &= !(1 << (at % 64));
            }
            for at in edit.add {
                let at = usize::from(at);
                bits[at / 64] |= 1 << (at % 64);
            }
            let blob = encode(&bits);
            if blob.is_empty() {
                if old.is_some() {
                    delete.execute(key)?;
                }
            } else if old.as_deref() != Some(blob.as_slice()) {
                put.execute(params![field, gram, chunk, blob])?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_texts_grams_are_its_characters_and_pairs_within_a_line() {
        let grams = of_text("ab\nb");
        let mut expected = vec![unigram('a'), unigram('b'), bigram('a', 'b')];
        expected.sort_unstable();
        assert_eq!(grams, expected);
        assert_eq!(of_word("晓雯"), Some(bigram('晓', '雯')));
        assert_eq!(of_word("x"), Some(unigram('x')));
        assert_eq!(of_word("abc"), None);
        assert_ne!(unigram('\u{10ffff}'), bigram('\0', '\0'));
    }

    #[test]
    fn rows_round_trip_as_lists_and_bitmaps() {
        for count in [1, LIST_AT_MOST, LIST_AT_MOST + 1, CHUNK] {
            let mut bits = [0u64; CHUNK / 64];
            for at in 0..count {
                bits[at / 64] |= 1 << (at % 64);
            }
            let blob = encode(&bits);
            assert_eq!(blob.len() == BITMAP_BYTES, count > LIST_AT_MOST, "{count}");
            let mut back = [0u64; CHUNK / 64];
            decode(&blob, &mut back);
            assert_eq!(back, bits);
        }
    }
}
