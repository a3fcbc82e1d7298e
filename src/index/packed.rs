//! An article's folded texts as `text_content` keeps them: short ones as they are,
//! longer ones LZ4-compressed (about a third of the size, read back at GB/s), since
//! the FTS5 tables keep no copy (`content=''`) and every exact check of a match
//! reads them from here.

use rusqlite::types::{Type, Value, ValueRef};

use super::search::Field;

/// The longest text a packed blob may claim to hold (a damaged length is refused).
const LONGEST: usize = 1 << 28;

/// Below this many bytes a text is stored as it is: compression would save little.
const COMPRESS_FROM: usize = 64;

/// The column value for `text`: NULL when empty, else the text or its compression
/// (a blob: the length as 4 little-endian bytes, then the LZ4 block), whichever is smaller.
pub fn pack(text: &str) -> Value {
    pack_with(text, &[])
}

/// [`pack`], compressed against `dict` (text the reader has at hand: a body is
/// compressed against its article's claims, whose quotes it holds).
pub fn pack_with(text: &str, dict: &[u8]) -> Value {
    if text.is_empty() {
        return Value::Null;
    }
    if text.len() >= COMPRESS_FROM {
        let packed = if dict.is_empty() {
            lz4_flex::block::compress_prepend_size(text.as_bytes())
        } else {
            lz4_flex::block::compress_prepend_size_with_dict(text.as_bytes(), dict)
        };
        if packed.len() < text.len() {
            return Value::Blob(packed);
        }
    }
    Value::Text(text.to_string())
}

/// The text a column value holds (empty for NULL), as bytes: borrowed when stored
/// as it is, else decompressed into `buffer`. Column `column` names the value in
/// the error a damaged blob gives.
pub fn unpack<'a>(
    value: ValueRef<'a>,
    buffer: &'a mut Vec<u8>,
    column: usize,
) -> rusqlite::Result<&'a [u8]> {
    unpack_with(value, &[], buffer, column)
}

/// [`unpack`] of a value packed against `dict` (see [`pack_with`]).
pub fn unpack_with<'a>(
    value: ValueRef<'a>,
    dict: &[u8],
    buffer: &'a mut Vec<u8>,
    column: usize,
) -> rusqlite::Result<&'a [u8]> {
    match value {
        ValueRef::Text(t) => Ok(t),
        ValueRef::Blob(b) => {
            let damaged = |why: String| {
                rusqlite::Error::FromSqlConversionFailure(column, Type::Blob, why.into())
            };
            let (size, block) = b
                .split_first_chunk::<4>()
                .ok_or_else(|| damaged("a packed text without its length".to_string()))?;
            let size = u32::from_le_bytes(*size) as usize;
            // A damaged length must not ask for gigabytes: no folded text is this long.
            if size > LONGEST {
                return Err(damaged(format!("a packed text of {size} bytes")));
            }
            buffer.clear();
            buffer.resize(size, 0);
            let written = if dict.is_empty() {
                lz4_flex::block::decompress_into(block, buffer)
            } else {
                lz4_flex::block::decompress_into_with_dict(block, buffer, dict)
            }
            .map_err(|e| damaged(e.to_string()))?;
            buffer.truncate(written);
            Ok(buffer)
        }
        _ => Ok(&[]),
    }
}

/// The columns of `text_content` that give `field`'s text: what it was packed
/// against (NULL but for the body, packed against the claims), then the text.
pub fn columns(field: Field) -> &'static str {
    match field {
        Field::Title => "NULL, title",
        Field::Actor => "NULL, actor",
        Field::Claim => "NULL, claim",
        Field::Body => "claim, body",
    }
}

/// The text of a row read through [`columns`] at `at` (and `at + 1`).
pub fn unpack_columns<'a>(
    row: &'a rusqlite::Row<'a>,
    at: usize,
    dict: &'a mut Vec<u8>,
    buffer: &'a mut Vec<u8>,
) -> rusqlite::Result<&'a [u8]> {
    let dict = unpack(row.get_ref(at)?, dict, at)?;
    unpack_with(row.get_ref(at + 1)?, dict, buffer, at + 1)
}

/// [`unpack_with`] as an owned string (for the writer, which deletes what it reads).
pub fn unpack_string(value: ValueRef<'_>, dict: &[u8], column: usize) -> rusqlite::Result<String> {
    let mut buffer = Vec::new();
    let bytes = unpack_with(value, dict, &mut buffer, column)?;
    String::from_utf8(bytes.to_vec())
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, Type::Blob, Box::new(e)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn texts_come_back_as_they_went_in() {
        let long = "the harbour tunnel would open in 2027, the mayor said; ".repeat(20);
        for text in ["", "short", "林晓雯宣布夜市开放", long.as_str()] {
            let value = pack(text);
            let mut buffer = Vec::new();
            let back = unpack(ValueRef::from(&value), &mut buffer, 0).unwrap();
            assert_eq!(back, text.as_bytes());
        }
        assert!(matches!(pack(&long), Value::Blob(b) if b.len() < long.len() / 3));
        // Against a dictionary holding it, a text packs to a few bytes.
        let quote = "the harbour tunnel would open in 2027, as the mayor of port velmar said";
        let dict = format!("claims: {quote}");
        let body = format!("on monday {quote} and more");
        let value = pack_with(&body, dict.as_bytes());
        assert!(
            matches!(&value, Value::Blob(b) if b.len() < 40),
            "{value:?}"
        );
        let mut buffer = Vec::new();
        let back = unpack_with(ValueRef::from(&value), dict.as_bytes(), &mut buffer, 0).unwrap();
        assert_eq!(back, body.as_bytes());
        assert!(matches!(pack("short"), Value::Text(_)));
        assert_eq!(pack(""), Value::Null);
    }

    #[test]
    fn a_damaged_blob_is_an_error_not_a_text() {
        let mut buffer = Vec::new();
        assert!(unpack(ValueRef::Blob(&[200, 0, 0, 0, 1, 2]), &mut buffer, 0).is_err());
    }
}
