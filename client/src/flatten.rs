//! `#[slack(flatten)]`: a `Serialize` struct whose fields are Slack arguments.
//!
//! Each field becomes one argument under its (serde) name, encoded as a
//! plain parameter would be: text as is, numbers in decimal, `bool` as
//! `true`/`false`, `None` omitted, unit enum variants by name, sequences of
//! scalars comma-joined; a field holding objects (such as `blocks`) is sent
//! as a JSON document.

use std::fmt;

use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeSeq, SerializeStruct};

use crate::encode::{Form, encode_json};

/// Writes the fields of `value` (a struct or a map) into `form`.
pub fn encode_flatten<T: Serialize + ?Sized>(value: &T, form: &mut Form) {
    if let Err(err) = value.serialize(Fields { form }) {
        let reason = match err {
            FlattenError::Custom(message) => message,
            FlattenError::NotScalar => "a flattened value must be a struct or a map".to_owned(),
        };
        form.fail("#[slack(flatten)]", reason);
    }
}

#[derive(Debug)]
enum FlattenError {
    /// Not a scalar or a list of scalars: the value is sent as JSON instead.
    NotScalar,
    Custom(String),
}

impl fmt::Display for FlattenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FlattenError::NotScalar => f.write_str("not a scalar"),
            FlattenError::Custom(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for FlattenError {}

impl ser::Error for FlattenError {
    fn custom<M: fmt::Display>(message: M) -> Self {
        FlattenError::Custom(message.to_string())
    }
}

type Result<T> = std::result::Result<T, FlattenError>;

/// One field: as form text when it is a scalar or a list of scalars, as JSON otherwise.
fn push_field<T: Serialize + ?Sized>(form: &mut Form, name: &str, value: &T) -> Result<()> {
    match value.serialize(Scalar { in_list: false }) {
        Ok(Some(text)) => form.push(name, &text),
        Ok(None) => {}
        Err(FlattenError::NotScalar) => encode_json(value, name, form),
        Err(err) => return Err(err),
    }
    Ok(())
}

/// The top level: a struct or a map whose entries are the arguments.
struct Fields<'f> {
    form: &'f mut Form,
}

struct Entries<'f> {
    form: &'f mut Form,
    key: Option<String>,
}

macro_rules! not_fields {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {$(
        fn $method(self, $(_: $arg),*) -> Result<()> {
            Err(FlattenError::NotScalar)
        }
    )*};
}

impl<'f> ser::Serializer for Fields<'f> {
    type Ok = ();
    type Error = FlattenError;
    type SerializeSeq = Impossible<(), FlattenError>;
    type SerializeTuple = Impossible<(), FlattenError>;
    type SerializeTupleStruct = Impossible<(), FlattenError>;
    type SerializeTupleVariant = Impossible<(), FlattenError>;
    type SerializeMap = Entries<'f>;
    type SerializeStruct = Entries<'f>;
    type SerializeStructVariant = Impossible<(), FlattenError>;

    not_fields!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_none(self) -> Result<()> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<()> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<()> {
        Err(FlattenError::NotScalar)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(FlattenError::NotScalar)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Err(FlattenError::NotScalar)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(FlattenError::NotScalar)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(FlattenError::NotScalar)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Entries<'f>> {
        Ok(Entries {
            form: self.form,
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Entries<'f>> {
        Ok(Entries {
            form: self.form,
            key: None,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(FlattenError::NotScalar)
    }
}

impl SerializeStruct for Entries<'_> {
    type Ok = ();
    type Error = FlattenError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        push_field(self.form, key, value)
    }
    fn end(self) -> Result<()> {
        Ok(())
    }
}

impl SerializeMap for Entries<'_> {
    type Ok = ();
    type Error = FlattenError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        match key.serialize(Scalar { in_list: false }) {
            Ok(Some(key_text)) => {
                self.key = Some(key_text);
                Ok(())
            }
            _ => Err(FlattenError::Custom(
                "argument names must be strings".to_owned(),
            )),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self.key.take().unwrap_or_default();
        push_field(self.form, &key, value)
    }
    fn end(self) -> Result<()> {
        Ok(())
    }
}

/// A field value as form text: `Some(text)`, `None` (omitted), or
/// `NotScalar` when it holds objects. Inside a list (`in_list`), a nested
/// list is not a scalar either.
#[derive(Clone, Copy)]
struct Scalar {
    in_list: bool,
}

struct List {
    items: Vec<String>,
}

macro_rules! display {
    ($($method:ident($t:ty)),* $(,)?) => {$(
        fn $method(self, value: $t) -> Result<Option<String>> {
            Ok(Some(value.to_string()))
        }
    )*};
}

impl ser::Serializer for Scalar {
    type Ok = Option<String>;
    type Error = FlattenError;
    type SerializeSeq = List;
    type SerializeTuple = List;
    type SerializeTupleStruct = List;
    type SerializeTupleVariant = Impossible<Option<String>, FlattenError>;
    type SerializeMap = Impossible<Option<String>, FlattenError>;
    type SerializeStruct = Impossible<Option<String>, FlattenError>;
    type SerializeStructVariant = Impossible<Option<String>, FlattenError>;

    display!(
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_char(char),
        serialize_str(&str),
    );

    fn serialize_bool(self, value: bool) -> Result<Option<String>> {
        Ok(Some(if value { "true" } else { "false" }.to_owned()))
    }
    fn serialize_f32(self, value: f32) -> Result<Option<String>> {
        self.serialize_f64(f64::from(value))
    }
    fn serialize_f64(self, value: f64) -> Result<Option<String>> {
        if value.is_finite() {
            Ok(Some(value.to_string()))
        } else {
            Err(FlattenError::Custom(format!(
                "{value} is not a finite number"
            )))
        }
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Option<String>> {
        Err(FlattenError::NotScalar)
    }
    fn serialize_none(self) -> Result<Option<String>> {
        Ok(None)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Option<String>> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Option<String>> {
        Ok(None)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Option<String>> {
        Ok(None)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Option<String>> {
        Ok(Some(variant.to_owned()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Option<String>> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Option<String>> {
        Err(FlattenError::NotScalar)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<List> {
        if self.in_list {
            return Err(FlattenError::NotScalar);
        }
        Ok(List {
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<List> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<List> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(FlattenError::NotScalar)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        Err(FlattenError::NotScalar)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        Err(FlattenError::NotScalar)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(FlattenError::NotScalar)
    }
}

impl SerializeSeq for List {
    type Ok = Option<String>;
    type Error = FlattenError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        // Only scalars join with commas; a list of lists or objects is JSON.
        let item = match value.serialize(Scalar { in_list: true }) {
            Ok(Some(item)) => item,
            Ok(None) | Err(FlattenError::NotScalar) => return Err(FlattenError::NotScalar),
            Err(err) => return Err(err),
        };
        self.items.push(item);
        Ok(())
    }
    fn end(self) -> Result<Option<String>> {
        Ok(Some(self.items.join(",")))
    }
}

impl ser::SerializeTuple for List {
    type Ok = Option<String>;
    type Error = FlattenError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Option<String>> {
        SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for List {
    type Ok = Option<String>;
    type Error = FlattenError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Option<String>> {
        SerializeSeq::end(self)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::*;

    fn encode<T: Serialize + ?Sized>(value: &T) -> std::result::Result<String, String> {
        let mut form = Form::default();
        encode_flatten(value, &mut form);
        form.finish()
    }

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Sort {
        Timestamp,
    }

    #[derive(Serialize)]
    struct Options<'a> {
        query: &'a str,
        count: Option<u32>,
        cursor: Option<&'a str>,
        inclusive: bool,
        sort: Sort,
        channel_ids: Vec<&'a str>,
        ratio: f64,
        #[serde(rename = "type")]
        kind: &'a str,
        blocks: Vec<BTreeMap<&'a str, &'a str>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
    }

    #[test]
    fn fields_become_arguments() {
        let options = Options {
            query: "a&b é",
            count: Some(20),
            cursor: None,
            inclusive: true,
            sort: Sort::Timestamp,
            channel_ids: vec!["C1", "C2"],
            ratio: 0.5,
            kind: "im",
            blocks: vec![BTreeMap::from([("type", "divider")])],
            skipped: None,
        };
        assert_eq!(
            encode(&options).unwrap(),
            "query=a%26b+%C3%A9&count=20&inclusive=true&sort=timestamp&channel_ids=C1%2CC2\
             &ratio=0.5&type=im&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D"
        );
    }

    #[test]
    fn lists_of_lists_are_json() {
        #[derive(Serialize)]
        struct Nested {
            grid: Vec<Vec<u8>>,
        }
        let nested = Nested {
            grid: vec![vec![1, 2], vec![3]],
        };
        assert_eq!(encode(&nested).unwrap(), "grid=%5B%5B1%2C2%5D%2C%5B3%5D%5D");
    }

    #[test]
    fn maps_options_and_errors() {
        let map = BTreeMap::from([("limit", 5), ("page", 2)]);
        assert_eq!(encode(&map).unwrap(), "limit=5&page=2");
        assert_eq!(encode(&Some(&map)).unwrap(), "limit=5&page=2");
        assert_eq!(encode(&None::<BTreeMap<&str, u8>>).unwrap(), "");
        assert!(encode(&42).unwrap_err().contains("struct or a map"));
        #[derive(Serialize)]
        struct Bad {
            x: f64,
        }
        assert!(encode(&Bad { x: f64::NAN }).unwrap_err().contains("finite"));
    }
}
