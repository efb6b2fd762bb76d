//! Writing Slack arguments into a request body.
//!
//! Arguments go straight into one `application/x-www-form-urlencoded`
//! buffer: no intermediate map, no `serde_json::Value`.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;

/// A JSON-encoded Slack argument, such as `blocks` or `view`.
///
/// ```
/// use slackline::Json;
/// let blocks = Json(serde_json::json!([{"type": "divider"}]));
/// # let _ = blocks;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Json<T>(pub T);

/// A form body under construction.
///
/// Generated code appends each argument with [`EncodeArg::encode_arg`]; a
/// value that cannot be encoded (a `Json` value whose `Serialize` fails)
/// is remembered and reported as [`SlackError::InvalidInput`](crate::SlackError::InvalidInput)
/// before anything is sent.
#[derive(Debug, Default, Clone)]
pub struct Form {
    buf: String,
    error: Option<String>,
}

impl Form {
    /// An empty body with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Form {
            buf: String::with_capacity(capacity),
            error: None,
        }
    }

    /// Appends `name=value`, percent-encoding both.
    pub fn push(&mut self, name: &str, value: &str) {
        self.start(name);
        self.buf
            .extend(form_urlencoded::byte_serialize(value.as_bytes()));
    }

    /// Appends `name=` and returns the buffer positioned for a value that
    /// needs no escaping (digits, `true`, `false`).
    fn push_plain(&mut self, name: &str, value: impl std::fmt::Display) {
        self.start(name);
        // Writing into a String cannot fail.
        let _ = write!(self.buf, "{value}");
    }

    fn start(&mut self, name: &str) {
        if !self.buf.is_empty() {
            self.buf.push('&');
        }
        self.buf
            .extend(form_urlencoded::byte_serialize(name.as_bytes()));
        self.buf.push('=');
    }

    /// Records an argument that could not be encoded; the call then fails
    /// with `InvalidInput` and sends nothing.
    pub fn fail(&mut self, name: &str, reason: impl std::fmt::Display) {
        if self.error.is_none() {
            self.error = Some(format!("argument `{name}` cannot be encoded: {reason}"));
        }
    }

    /// The encoded body so far.
    pub fn as_str(&self) -> &str {
        &self.buf
    }

    /// Whether no argument was written.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    pub(crate) fn finish(self) -> Result<String, String> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.buf),
        }
    }
}

/// A Rust value that can be sent as a Slack argument.
///
/// Implemented for strings, integers, floats, `bool`, `Option<T>` (omitted
/// when `None`), slices, arrays and `Vec`s of list items (comma-joined) and
/// [`Json<T>`]. Implement it for your own ID types to pass them directly.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a Slack argument",
    label = "this type has no Slack argument encoding",
    note = "use a string, an integer, a float, `bool`, `Option<_>`, a slice or `Vec` of strings or integers, or wrap a `Serialize` value in `slackline::Json`; or implement `slackline::EncodeArg` for it"
)]
pub trait EncodeArg {
    /// Appends this value as the argument `name`.
    fn encode_arg(&self, name: &str, form: &mut Form);
}

/// A value that can stand in a comma-joined list argument (`user_ids=U1,U2`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an item of a comma-joined Slack list argument",
    note = "list items are strings or integers"
)]
pub trait EncodeListItem {
    /// Writes the item (unescaped) into `out`.
    fn write_item(&self, out: &mut String);
}

impl<T: EncodeArg + ?Sized> EncodeArg for &T {
    fn encode_arg(&self, name: &str, form: &mut Form) {
        (**self).encode_arg(name, form)
    }
}

impl EncodeArg for str {
    fn encode_arg(&self, name: &str, form: &mut Form) {
        form.push(name, self)
    }
}

impl EncodeArg for String {
    fn encode_arg(&self, name: &str, form: &mut Form) {
        form.push(name, self)
    }
}

impl EncodeArg for Cow<'_, str> {
    fn encode_arg(&self, name: &str, form: &mut Form) {
        form.push(name, self)
    }
}

impl EncodeArg for bool {
    fn encode_arg(&self, name: &str, form: &mut Form) {
        form.push_plain(name, if *self { "true" } else { "false" })
    }
}

impl<T: EncodeArg> EncodeArg for Option<T> {
    fn encode_arg(&self, name: &str, form: &mut Form) {
        if let Some(value) = self {
            value.encode_arg(name, form)
        }
    }
}

macro_rules! integers {
    ($($t:ty)*) => {$(
        impl EncodeArg for $t {
            fn encode_arg(&self, name: &str, form: &mut Form) {
                form.push_plain(name, self)
            }
        }
        impl EncodeListItem for $t {
            fn write_item(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
integers!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

macro_rules! floats {
    ($($t:ty)*) => {$(
        impl EncodeArg for $t {
            fn encode_arg(&self, name: &str, form: &mut Form) {
                if self.is_finite() {
                    form.push_plain(name, self)
                } else {
                    form.fail(name, format_args!("{self} is not a finite number"))
                }
            }
        }
    )*};
}
floats!(f32 f64);

impl EncodeListItem for str {
    fn write_item(&self, out: &mut String) {
        out.push_str(self)
    }
}
impl EncodeListItem for String {
    fn write_item(&self, out: &mut String) {
        out.push_str(self)
    }
}
impl EncodeListItem for Cow<'_, str> {
    fn write_item(&self, out: &mut String) {
        out.push_str(self)
    }
}
impl<T: EncodeListItem + ?Sized> EncodeListItem for &T {
    fn write_item(&self, out: &mut String) {
        (**self).write_item(out)
    }
}

impl<T: EncodeListItem> EncodeArg for [T] {
    fn encode_arg(&self, name: &str, form: &mut Form) {
        let mut joined = String::new();
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                joined.push(',');
            }
            item.write_item(&mut joined);
        }
        form.push(name, &joined)
    }
}

impl<T: EncodeListItem> EncodeArg for Vec<T> {
    fn encode_arg(&self, name: &str, form: &mut Form) {
        self.as_slice().encode_arg(name, form)
    }
}

impl<T: EncodeListItem, const N: usize> EncodeArg for [T; N] {
    fn encode_arg(&self, name: &str, form: &mut Form) {
        self.as_slice().encode_arg(name, form)
    }
}

impl<T: Serialize> EncodeArg for Json<T> {
    fn encode_arg(&self, name: &str, form: &mut Form) {
        encode_json(&self.0, name, form)
    }
}

/// Encodes any `Serialize` value as a JSON string argument (`#[slack(json)]`).
pub fn encode_json<T: Serialize + ?Sized>(value: &T, name: &str, form: &mut Form) {
    match serde_json::to_string(value) {
        Ok(text) => form.push(name, &text),
        Err(err) => form.fail(name, err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(f: impl FnOnce(&mut Form)) -> String {
        let mut form = Form::default();
        f(&mut form);
        form.finish().unwrap()
    }

    #[test]
    fn escapes_reserved_and_non_ascii() {
        let body = encode(|f| "a&b=c+d e/é".encode_arg("text", f));
        assert_eq!(body, "text=a%26b%3Dc%2Bd+e%2F%C3%A9");
    }

    #[test]
    fn scalars_and_options() {
        let body = encode(|f| {
            42i64.encode_arg("n", f);
            true.encode_arg("t", f);
            Some(false).encode_arg("f", f);
            None::<bool>.encode_arg("absent", f);
            (-7i32).encode_arg("neg", f);
        });
        assert_eq!(body, "n=42&t=true&f=false&neg=-7");
    }

    #[test]
    fn lists_are_comma_joined() {
        let body = encode(|f| {
            ["U1", "U2"].encode_arg("user_ids", f);
            vec![1u32, 2].encode_arg("ids", f);
            Vec::<String>::new().encode_arg("empty", f);
        });
        assert_eq!(body, "user_ids=U1%2CU2&ids=1%2C2&empty=");
    }

    #[test]
    fn json_and_bad_floats() {
        let body = encode(|f| Json(vec!["a"]).encode_arg("blocks", f));
        assert_eq!(body, "blocks=%5B%22a%22%5D");
        let mut form = Form::default();
        f64::NAN.encode_arg("x", &mut form);
        let err = form.finish().unwrap_err();
        assert!(err.contains("`x`"), "{err}");
    }
}
