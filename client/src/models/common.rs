//! What every typed answer shares: `response_metadata`, page-number paging,
//! the keeping of unknown fields, and open enums.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Slack's `response_metadata`: the next page's cursor, and warnings or
/// messages about the call.
///
/// Every field is optional: Slack sends the object only on cursor lists and
/// when it has something to say.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ResponseMetadata {
    /// The cursor of the next page; empty or absent on the last page.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub next_cursor: Option<String>,
    /// Warnings about the call (e.g. `missing_charset`).
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub warnings: Vec<String>,
    /// Messages about the call, such as the detail of an invalid argument.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub messages: Vec<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl ResponseMetadata {
    /// The next page's cursor, when there is a next page (`None` for an
    /// absent or empty `next_cursor`).
    pub fn next_cursor(&self) -> Option<&str> {
        self.next_cursor.as_deref().filter(|c| !c.is_empty())
    }
}

/// Decodes `null` as the type's default, like an absent field: Slack sends
/// `null` for an empty list or an unset flag now and then.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Decodes a number Slack may send as a number, a numeric string, or an
/// empty string (read as absent). Anything else is an error, not a loss.
pub(crate) fn lenient_i64<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i64>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<i64>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an integer, or an integer in a string")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            i64::try_from(v)
                .map(Some)
                .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            // Whole numbers only: 1.5 is not silently truncated.
            if v.fract() == 0.0 && v.abs() < 9.0e15 {
                Ok(Some(v as i64))
            } else {
                Err(E::invalid_value(de::Unexpected::Float(v), &self))
            }
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            let v = v.trim();
            if v.is_empty() {
                return Ok(None);
            }
            v.parse()
                .map(Some)
                .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }
    deserializer.deserialize_option(V)
}

/// Decodes a string Slack may send as a string, or as a number or boolean
/// (kept as its JSON text, e.g. `"42"`).
pub(crate) fn lenient_string<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
    }
    deserializer.deserialize_option(V)
}

thread_local! {
    static HIDE_EXTRA: Cell<bool> = const { Cell::new(false) };
}

/// Serializes an `extra` map (flattened into its struct), or nothing inside
/// [`typed_json`].
pub(crate) fn serialize_extra<S: Serializer>(
    extra: &serde_json::Map<String, serde_json::Value>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if HIDE_EXTRA.with(Cell::get) {
        serializer.collect_map(std::iter::empty::<(&str, &serde_json::Value)>())
    } else {
        extra.serialize(serializer)
    }
}

/// The JSON of what a typed answer names, leaving out every `extra` map.
///
/// Whatever Slack sent that is in the decoded JSON but missing here was kept
/// only in an `extra` map: a field slackline does not type (yet).
///
/// ```
/// # #[cfg(feature = "bots")] {
/// use slackline::models::{BotsInfoResponse, typed_json};
///
/// let answer: BotsInfoResponse = serde_json::from_str(
///     r#"{"ok": true, "bot": {"id": "B1", "name": "deploy", "new_field": 1}}"#,
/// ).unwrap();
/// assert_eq!(answer.bot.extra["new_field"], 1);
/// let typed = typed_json(&answer).unwrap();
/// assert_eq!(typed["bot"]["name"], "deploy");
/// assert!(typed["bot"].get("new_field").is_none());
/// # }
/// ```
pub fn typed_json<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<serde_json::Value> {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            HIDE_EXTRA.with(|h| h.set(self.0));
        }
    }
    let _reset = Reset(HIDE_EXTRA.with(|h| h.replace(true)));
    serde_json::to_value(value)
}

/// Declares an enum of Slack's string values with an `Other(String)`
/// fallback, so a value Slack adds later decodes, and survives a round trip.
/// (Families without an enum leave it unused.)
#[allow(unused_macros)]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version does not know, as Slack sent it.
            Other(String),
        }

        impl $name {
            /// The value as Slack spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Other(other) => other,
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(match value {
                    $( $wire => Self::$variant, )*
                    other => Self::Other(other.to_owned()),
                })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = String::deserialize(deserializer)?;
                Ok(match value.as_str() {
                    $( $wire => Self::$variant, )*
                    _ => Self::Other(value),
                })
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use open_enum;

/// Page-number paging (`files.list`, `team.accessLogs`, …): `page` of `pages`, `total` items.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Paging {
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub count: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub page: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub pages: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub total: Option<i64>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub warnings: Vec<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
