//! Parsing: the attribute's arguments and the per-parameter `#[slack(...)]`
//! attributes, into raw values with their spans. Nothing is judged here
//! beyond syntax; `model.rs` checks the values.
//!
//! ```text
//! #[slack_method("users.info")]
//! #[slack_method("family.method", scope = "a:b", tier = 2, idempotent, http = "GET")]
//! #[slack_method("family.method", scopes = ["a:b", "c:d"])]   // scopes = [] : none needed
//! #[slack_method("family.method", no_token)]
//! #[slack(rename = "type")]  #[slack(json)]
//! ```

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt as _;
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Attribute, LitInt, LitStr, Token};

use crate::ctxt::Ctxt;

/// The keys `#[slack_method]` accepts after the method name.
pub(crate) const METHOD_KEYS: &str =
    "`scope`, `scopes`, `tier`, `http`, `no_token`, `idempotent`, `unchecked`";
/// The keys `#[slack(...)]` accepts on a parameter.
pub(crate) const PARAM_KEYS: &str = "`rename`, `json`, `flatten`";

/// `#[slack_method(...)]`'s arguments as written.
#[derive(Default)]
pub(crate) struct MethodArgs {
    /// The leading string literal; `None` when missing or not a string
    /// (an error is recorded then).
    pub name: Option<LitStr>,
    /// `scope = "..."` or `scopes = [...]`, with the key's span.
    pub scopes: Option<(Span, Vec<LitStr>)>,
    pub tier: Option<LitInt>,
    pub idempotent: Option<Span>,
    pub http: Option<LitStr>,
    /// `unchecked`: no comparison with Slack's catalog.
    pub unchecked: Option<Span>,
    /// `no_token`: the method is called without a token.
    pub no_token: Option<Span>,
}

/// Whether `attr` is `#[slack_method(...)]` (under any path, e.g.
/// `#[slackline::slack_method]`).
pub(crate) fn is_slack_method(attr: &Attribute) -> bool {
    attr.path()
        .segments
        .last()
        .is_some_and(|s| s.ident == "slack_method")
}

/// Whether `attr` is a `#[cfg(...)]`: it must remove the metadata const
/// with the method, and keeps a method out of `SLACK_METHODS`.
pub(crate) fn is_cfg(attr: &Attribute) -> bool {
    attr.path().is_ident("cfg")
}

/// Parses the attribute's arguments, recording every mistake in `cx` and
/// going on past it where the grammar allows.
pub(crate) fn method_args(tokens: TokenStream, cx: &mut Ctxt) -> MethodArgs {
    let mut args = MethodArgs::default();
    let parser = |input: ParseStream<'_>| -> syn::Result<()> {
        let rest_is_keys = leading_name(input, &mut args, cx)?;
        if rest_is_keys {
            let rest: TokenStream = input.parse()?;
            syn::meta::parser(|meta| {
                if let Err(err) = method_key(&meta, &mut args) {
                    cx.syn_error(err);
                    skip_value(meta.input)?;
                }
                Ok(())
            })
            .parse2(rest)?;
        }
        Ok(())
    };
    if let Err(err) = parser.parse2(tokens) {
        cx.syn_error(err);
    }
    args
}

/// Parses the method name and its comma. Returns whether `key = value`
/// pairs may follow.
fn leading_name(input: ParseStream<'_>, args: &mut MethodArgs, cx: &mut Ctxt) -> syn::Result<bool> {
    const EXAMPLE: &str = "e.g. `#[slack_method(\"chat.postMessage\")]`";
    if input.is_empty() {
        cx.error_at(
            Span::call_site(),
            format!("missing the Slack method name: {EXAMPLE}"),
        );
        return Ok(false);
    }
    if input.peek(LitStr) {
        args.name = Some(input.parse()?);
    } else if input.peek(syn::Ident::peek_any)
        && (input.peek2(Token![=]) || input.peek2(Token![,]) || is_last_token(input))
    {
        // `scope = ...` first: the name was left out; the keys still parse.
        cx.error_at(
            Span::call_site(),
            format!("missing the Slack method name: the first argument is the method's name as a string, {EXAMPLE}"),
        );
        return Ok(true);
    } else {
        // `chat.postMessage` unquoted, a number, ...: everything up to the
        // first comma is the would-be name.
        let mut written = TokenStream::new();
        while !input.is_empty() && !input.peek(Token![,]) {
            written.extend([input.parse::<proc_macro2::TokenTree>()?]);
        }
        cx.error_spanned_by(
            written,
            format!("the Slack method name must be a string literal, {EXAMPLE}"),
        );
    }
    if input.is_empty() {
        return Ok(false);
    }
    input.parse::<Token![,]>()?;
    Ok(true)
}

fn is_last_token(input: ParseStream<'_>) -> bool {
    let fork = input.fork();
    fork.parse::<proc_macro2::TokenTree>().is_ok() && fork.is_empty()
}

/// Parses one `key` or `key = value` of `#[slack_method]`.
fn method_key(meta: &ParseNestedMeta<'_>, args: &mut MethodArgs) -> syn::Result<()> {
    let key = meta
        .path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default();
    let key_span = meta
        .path
        .segments
        .first()
        .map_or_else(Span::call_site, |s| s.ident.span());
    match key.as_str() {
        "scope" | "scopes" => {
            if args.scopes.is_some() {
                return Err(meta.error(if key == "scope" {
                    "duplicate `scope`: a method declares its scope once (use `scopes = [\"a\", \"b\"]` when Slack accepts any of several)"
                } else {
                    "duplicate scope declaration: use either `scope = \"...\"` or `scopes = [...]`, once"
                }));
            }
            let value = meta.value()?;
            let scopes = if key == "scope" {
                vec![string_value(value, "scope = \"chat:write\"")?]
            } else {
                if !value.peek(syn::token::Bracket) {
                    return Err(value.error("expected a list of scopes, e.g. `scopes = [\"chat:write\", \"chat:write.public\"]`"));
                }
                let content;
                syn::bracketed!(content in value);
                let list = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
                list.into_iter().collect()
            };
            args.scopes = Some((key_span, scopes));
        }
        "tier" => {
            if args.tier.is_some() {
                return Err(meta.error("duplicate `tier`: keep one"));
            }
            let value = meta.value()?;
            if !value.peek(LitInt) {
                return Err(value.error(
                    "expected Slack's rate-limit tier as an integer: `tier = 1`, `2`, `3` or `4`",
                ));
            }
            args.tier = Some(value.parse()?);
        }
        "idempotent" => {
            args.idempotent = Some(flag(meta, "idempotent", args.idempotent, key_span)?);
        }
        "unchecked" => args.unchecked = Some(flag(meta, "unchecked", args.unchecked, key_span)?),
        "no_token" => {
            let checked = flag(meta, "no_token", args.no_token, key_span);
            // Written with a value, it still says the method takes no token:
            // no second error about a missing token parameter.
            args.no_token.get_or_insert(key_span);
            checked?;
        }
        "http" => {
            if args.http.is_some() {
                return Err(meta.error("duplicate `http`: keep one"));
            }
            args.http = Some(string_value(meta.value()?, "http = \"GET\"")?);
        }
        _ => {
            return Err(meta.error(format_args!(
                "unknown `slack_method` argument `{}`; expected one of {METHOD_KEYS}",
                path_string(&meta.path)
            )));
        }
    }
    Ok(())
}

/// A flag key (`idempotent`, `unchecked`, `no_token`): written once, without
/// a value.
fn flag(
    meta: &ParseNestedMeta<'_>,
    key: &str,
    seen: Option<Span>,
    span: Span,
) -> syn::Result<Span> {
    if seen.is_some() {
        return Err(meta.error(format_args!("duplicate `{key}`: keep one")));
    }
    if !(meta.input.is_empty() || meta.input.peek(Token![,])) {
        return Err(meta.error(format_args!(
            "`{key}` is a flag: write `{key}` alone, without a value"
        )));
    }
    Ok(span)
}

/// A string literal value, or an error at the value naming an example.
fn string_value(value: ParseStream<'_>, example: &str) -> syn::Result<LitStr> {
    if value.peek(LitStr) {
        value.parse()
    } else {
        Err(value.error(format_args!("expected a string literal, e.g. `{example}`")))
    }
}

/// Skips what is left of a rejected `key = value` so that parsing goes on
/// with the next key.
fn skip_value(input: ParseStream<'_>) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}

fn path_string(path: &syn::Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    segments.join("::")
}

/// One parameter's `#[slack(...)]` attributes, merged.
#[derive(Default)]
pub(crate) struct ParamAttrs {
    pub rename: Option<LitStr>,
    /// The span of `json` in `#[slack(json)]`.
    pub json: Option<Span>,
    /// The span of `flatten` in `#[slack(flatten)]`.
    pub flatten: Option<Span>,
    /// The span of the first `#[slack]` attribute, if any.
    pub first: Option<Span>,
}

/// Splits a parameter's attributes into its `#[slack(...)]` ones (parsed)
/// and the others (kept on the emitted parameter).
pub(crate) fn param_attrs(attrs: &[Attribute], cx: &mut Ctxt) -> (ParamAttrs, Vec<Attribute>) {
    let mut parsed = ParamAttrs::default();
    let mut others = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("slack") {
            others.push(attr.clone());
            continue;
        }
        parsed.first.get_or_insert_with(|| {
            attr.path()
                .segments
                .first()
                .map_or_else(Span::call_site, |s| s.ident.span())
        });
        let result = attr.parse_nested_meta(|meta| {
            let outcome = param_key(&meta, &mut parsed);
            if let Err(err) = outcome {
                cx.syn_error(err);
                skip_value(meta.input)?;
            }
            Ok(())
        });
        if let Err(err) = result {
            cx.syn_error(err);
        }
    }
    (parsed, others)
}

fn param_key(meta: &ParseNestedMeta<'_>, parsed: &mut ParamAttrs) -> syn::Result<()> {
    if meta.path.is_ident("rename") {
        if parsed.rename.is_some() {
            return Err(meta.error("duplicate `rename`: keep one"));
        }
        parsed.rename = Some(string_value(meta.value()?, "rename = \"type\"")?);
    } else if meta.path.is_ident("json") {
        if parsed.json.is_some() {
            return Err(meta.error("duplicate `json`: keep one"));
        }
        if !(meta.input.is_empty() || meta.input.peek(Token![,])) {
            return Err(meta.error("`json` is a flag: write `#[slack(json)]`"));
        }
        parsed.json = Some(meta.path.segments[0].ident.span());
    } else if meta.path.is_ident("flatten") {
        if parsed.flatten.is_some() {
            return Err(meta.error("duplicate `flatten`: keep one"));
        }
        if !(meta.input.is_empty() || meta.input.peek(Token![,])) {
            return Err(meta.error("`flatten` is a flag: write `#[slack(flatten)]`"));
        }
        parsed.flatten = Some(meta.path.segments[0].ident.span());
    } else {
        return Err(meta.error(format_args!(
            "unknown `slack` parameter attribute `{}`; expected one of {PARAM_KEYS}",
            path_string(&meta.path)
        )));
    }
    Ok(())
}
