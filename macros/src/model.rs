//! The model of one declared Slack method: built from the parsed attribute
//! and the `syn::TraitItemFn`, with the facts it resolves to (scopes, tier,
//! HTTP verb), stated or taken from Slack's catalog.
//!
//! Building records only what stops the model from being built (a value of
//! the wrong form, a missing part); `check.rs` judges the built declaration
//! and `catalog.rs` compares it with Slack's catalog. Every fact keeps the
//! span of the tokens it was read from.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::ToTokens;
use slackline_catalog::{Tier, Verb};
use syn::ext::IdentExt as _;
use syn::{
    Attribute, FnArg, GenericArgument, Generics, Ident, LitInt, LitStr, Pat, PatType,
    PathArguments, PathSegment, Receiver, ReturnType, TraitItemFn, Type, TypeImplTrait,
    TypeParamBound,
};

use crate::ctxt::Ctxt;
use crate::parse::{self, MethodArgs};
use crate::valid;

/// A declaration, built.
pub(crate) struct Method {
    /// Slack's method name, e.g. `admin.users.session.reset`.
    pub name: Spanned<String>,
    /// The method's entry in Slack's catalog, when it has one.
    pub entry: Option<&'static slackline_catalog::Method>,
    /// What the attribute states, with spans.
    pub declared: Declared,
    /// What the method is: the declaration where it says, else the catalog.
    pub facts: Facts,
    pub idempotent: bool,
    /// `unchecked`: the declaration is not compared with Slack's catalog.
    pub unchecked: bool,
    /// The method's own attributes (docs, `#[deprecated]`, lints, ...).
    pub attrs: Vec<Attribute>,
    /// The `fn` keyword as written (rustc reports some errors on it).
    pub fn_token: syn::Token![fn],
    /// The Rust method name.
    pub ident: Ident,
    /// Lifetime parameters and `where` clauses (type parameters are rejected).
    pub generics: Generics,
    /// The `&self` as written.
    pub receiver: Receiver,
    /// The token parameter (`&SlackToken`); `None` for a method called
    /// without a token.
    pub token: Option<(Ident, Type)>,
    /// For a method called without a token, the app's client credentials
    /// (`&ClientCredentials`), sent as HTTP Basic auth, when declared.
    pub credentials: Option<(Ident, Type)>,
    /// The Slack arguments in declaration order (the token excluded).
    pub params: Vec<Param>,
    /// `Result<T, SlackError>` as written, and its `T`.
    pub output: Type,
    pub ok_type: Type,
    /// For a plain `fn`, its `impl Future<Output = ...> + ...` as written:
    /// the expansion keeps every bound (`+ 'a`, `+ use<..>`) and the user's
    /// `use` of `Future` stays used.
    pub future: Option<TypeImplTrait>,
}

/// What `#[slack_method(...)]` states beyond the name.
pub(crate) struct Declared {
    /// `scope`/`scopes` with the key's span; an empty list: no scope needed.
    pub scopes: Option<(Span, Vec<Spanned<String>>)>,
    /// `tier = 1..=4`.
    pub tier: Option<Spanned<u8>>,
    /// `http = "GET" | "POST"`.
    pub http: Option<Spanned<Verb>>,
    /// `no_token`.
    pub no_token: Option<Span>,
}

/// The facts the expansion writes down.
pub(crate) struct Facts {
    /// Scopes that allow the call, any one being enough; empty: none needed.
    pub scopes: Vec<String>,
    /// Whether `scopes` are the declaration's (else the catalog's).
    pub scopes_declared: bool,
    pub tier: Tier,
    pub http: Verb,
}

impl Facts {
    /// The declaration where it speaks, else the catalog; a method outside
    /// the catalog that states nothing needs no scope, is paced as an
    /// unlisted tier and is sent as `POST` (Slack accepts it for every method).
    fn resolve(declared: &Declared, entry: Option<&slackline_catalog::Method>) -> Facts {
        let (scopes, scopes_declared) = match (&declared.scopes, entry) {
            (Some((_, scopes)), _) => (scopes.iter().map(|s| s.value.clone()).collect(), true),
            (None, Some(entry)) => (entry.scopes.all().map(str::to_owned).collect(), false),
            (None, None) => (Vec::new(), false),
        };
        let tier = match (&declared.tier, entry) {
            (Some(tier), _) => Tier::from_number(tier.value).unwrap_or(Tier::Unlisted),
            (None, Some(entry)) => entry.tier,
            (None, None) => Tier::Unlisted,
        };
        let http = match (&declared.http, entry) {
            (Some(http), _) => http.value,
            (None, Some(entry)) => entry.http,
            (None, None) => Verb::Post,
        };
        Facts {
            scopes,
            scopes_declared,
            tier,
            http,
        }
    }
}

/// A value with the span of the tokens it was read from.
pub(crate) struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// Through `EncodeArg` (text, numbers, lists, `Json<T>`).
    Form,
    /// `Json<T>` typed parameter: `EncodeArg` writes JSON.
    JsonType,
    /// `#[slack(json)]`: any `Serialize` value, through `encode_json`.
    JsonAttr,
    /// `#[slack(flatten)]`: a `Serialize` struct whose fields are arguments.
    Flatten,
}

/// One Slack argument.
pub(crate) struct Param {
    /// The parameter's name as written (`r#type`).
    pub ident: Ident,
    pub ty: Type,
    /// The parameter's attributes other than `#[slack(...)]`.
    pub attrs: Vec<Attribute>,
    /// The argument's name on the wire, spanned on the `rename` literal or the
    /// parameter's name.
    pub slack_name: Spanned<String>,
    pub encoding: Encoding,
    /// Whether the type is `Option<_>` (omitted when `None`).
    pub optional: bool,
}

impl Param {
    /// The Rust type as a readable string, e.g. `Option<&str>`.
    pub(crate) fn rust_type(&self) -> String {
        type_string(&self.ty)
    }

    /// The type of the value sent: `T` for `Option<T>` (or `&Option<T>`),
    /// otherwise the type as written, invisible groups and parentheses peeled.
    pub(crate) fn value_type(&self) -> &Type {
        let ty = match peel(&self.ty) {
            Type::Reference(reference) => peel(&reference.elem),
            ty => ty,
        };
        match last_segment(ty) {
            Some(s) if s.ident == "Option" => single_type_arg(s).map_or(ty, peel),
            _ => peel(&self.ty),
        }
    }

    /// Whether the type mentions `impl Trait` (it then cannot be named in
    /// expression position).
    pub(crate) fn has_impl_trait(&self) -> bool {
        fn walk(tokens: TokenStream) -> bool {
            tokens.into_iter().any(|tt| match tt {
                TokenTree::Ident(ident) => ident == "impl",
                TokenTree::Group(group) => walk(group.stream()),
                _ => false,
            })
        }
        walk(self.ty.to_token_stream())
    }
}

/// Something that could not be built; the reason is in the [`Ctxt`].
pub(crate) struct Failed;

impl Method {
    /// Builds the model of a declaration. `None` when a part cannot be
    /// built; the reasons are then in `cx`. Judging the declaration is left
    /// to `check.rs`.
    pub(crate) fn from_syn(args: MethodArgs, item: &TraitItemFn, cx: &mut Ctxt) -> Option<Method> {
        let name = build_name(args.name, cx);
        let entry = name
            .as_ref()
            .and_then(|name| slackline_catalog::method(&name.value));
        let scopes = build_scopes(args.scopes, cx);
        let tier = build_tier(args.tier, cx);
        let http = build_http(args.http, cx);

        let sig = &item.sig;
        let mut inputs = sig.inputs.iter().peekable();
        let receiver = match inputs.peek() {
            Some(FnArg::Receiver(receiver)) => {
                inputs.next();
                Some(receiver.clone())
            }
            _ => None,
        };
        // A token comes next unless the method is called without one; a
        // `&SlackToken` there is the token either way (`check.rs` and the
        // catalog check say whether it belongs).
        let token_expected = args.no_token.is_none() && entry.is_none_or(|e| e.takes_token);
        let token_written = matches!(inputs.peek(), Some(FnArg::Typed(p)) if is_token_type(&p.ty));
        let token = if token_expected || token_written {
            match inputs.next() {
                Some(FnArg::Typed(param)) => build_token(param, cx).map(Some),
                // `check::receiver` reports a misplaced `self`.
                Some(FnArg::Receiver(_)) => Err(Failed),
                None => {
                    cx.error_at(
                        sig.paren_token.span.join(),
                        "missing the token parameter: the first parameter after `&self` is \
                         `token: &SlackToken` (a method Slack calls without a token, such as \
                         `oauth.v2.access`, takes none; say `no_token` for one outside Slack's \
                         catalog)",
                    );
                    Err(Failed)
                }
            }
        } else {
            Ok(None)
        };
        // Without a token, the app's client credentials may take its place.
        let credentials_written = matches!(
            inputs.peek(),
            Some(FnArg::Typed(p)) if is_named_ref(&p.ty, "ClientCredentials")
        );
        let credentials = match inputs.next_if(|_| !token_expected && credentials_written) {
            Some(FnArg::Typed(param)) => build_credentials(param, cx).map(Some),
            _ => Ok(None),
        };

        let params: Vec<Param> = inputs
            .filter_map(|input| match input {
                FnArg::Typed(param) => build_param(param, cx),
                FnArg::Receiver(_) => None,
            })
            .collect();
        let output = build_output(item, cx);

        let declared = Declared {
            scopes: scopes.ok()?,
            tier: tier.ok()?,
            http: http.ok()?,
            no_token: args.no_token,
        };
        let facts = Facts::resolve(&declared, entry);
        let (output, ok_type, future) = output?;
        Some(Method {
            name: name?,
            entry,
            declared,
            facts,
            idempotent: args.idempotent.is_some(),
            unchecked: args.unchecked.is_some(),
            attrs: item.attrs.clone(),
            fn_token: sig.fn_token,
            ident: sig.ident.clone(),
            generics: sig.generics.clone(),
            receiver: receiver?,
            token: token.ok()?,
            credentials: credentials.ok()?,
            params,
            output,
            ok_type,
            future,
        })
    }
}

fn build_name(name: Option<LitStr>, cx: &mut Ctxt) -> Option<Spanned<String>> {
    let lit = name?;
    let value = lit.value();
    match valid::method_name(&value) {
        Ok(()) => Some(Spanned {
            value,
            span: lit.span(),
        }),
        Err(message) => {
            cx.error_spanned_by(&lit, message);
            None
        }
    }
}

type Built<T> = Result<T, Failed>;

/// `scope = ".."` / `scopes = [..]`: each a well-formed scope, none twice.
fn build_scopes(
    scopes: Option<(Span, Vec<LitStr>)>,
    cx: &mut Ctxt,
) -> Built<Option<(Span, Vec<Spanned<String>>)>> {
    let Some((key, lits)) = scopes else {
        return Ok(None);
    };
    let mut checked: Vec<Spanned<String>> = Vec::with_capacity(lits.len());
    let mut ok = true;
    for lit in &lits {
        let value = lit.value();
        if let Err(message) = valid::scope(&value) {
            cx.error_spanned_by(lit, message);
            ok = false;
        } else if checked.iter().any(|s| s.value == value) {
            cx.error_spanned_by(lit, format_args!("`{value}` is listed twice"));
            ok = false;
        } else {
            checked.push(Spanned {
                value,
                span: lit.span(),
            });
        }
    }
    if ok {
        Ok(Some((key, checked)))
    } else {
        Err(Failed)
    }
}

fn build_tier(tier: Option<LitInt>, cx: &mut Ctxt) -> Built<Option<Spanned<u8>>> {
    let Some(lit) = tier else {
        return Ok(None);
    };
    match lit.base10_parse::<u8>() {
        Ok(n @ 1..=4) => Ok(Some(Spanned {
            value: n,
            span: lit.span(),
        })),
        _ => {
            cx.error_spanned_by(
                &lit,
                "Slack's rate-limit tiers are 1, 2, 3 and 4 (a method with a special tier takes \
                 it from Slack's catalog: leave `tier` out)",
            );
            Err(Failed)
        }
    }
}

fn build_http(http: Option<LitStr>, cx: &mut Ctxt) -> Built<Option<Spanned<Verb>>> {
    let Some(lit) = http else {
        return Ok(None);
    };
    let value = match lit.value().as_str() {
        "POST" => Verb::Post,
        "GET" => Verb::Get,
        written => {
            let hint = match written.to_ascii_uppercase().as_str() {
                upper @ ("POST" | "GET") => format!(" (in capitals: \"{upper}\")"),
                _ => String::new(),
            };
            cx.error_spanned_by(&lit, format_args!("`http` is \"POST\" or \"GET\"{hint}"));
            return Err(Failed);
        }
    };
    Ok(Some(Spanned {
        value,
        span: lit.span(),
    }))
}

/// `&SlackToken` (under any path).
fn is_token_type(ty: &Type) -> bool {
    is_named_ref(ty, "SlackToken")
}

/// `&Name` (under any path), a shared reference to a type without
/// parameters.
fn is_named_ref(ty: &Type, name: &str) -> bool {
    match peel(ty) {
        Type::Reference(reference) if reference.mutability.is_none() => {
            last_segment(&reference.elem)
                .is_some_and(|s| s.ident == name && matches!(s.arguments, PathArguments::None))
        }
        _ => false,
    }
}

/// `credentials: &ClientCredentials`: a plain name, no `#[slack(...)]`.
fn build_credentials(param: &PatType, cx: &mut Ctxt) -> Built<(Ident, Type)> {
    let (attrs, _) = parse::param_attrs(&param.attrs, cx);
    if let Some(span) = attrs.first {
        cx.error_at(
            span,
            "the client credentials are sent in the `Authorization` header: they take no \
             `#[slack(...)]`",
        );
        return Err(Failed);
    }
    match plain_ident(&param.pat, cx) {
        Some(ident) => Ok((ident, (*param.ty).clone())),
        None => Err(Failed),
    }
}

fn build_token(param: &PatType, cx: &mut Ctxt) -> Built<(Ident, Type)> {
    let (attrs, _) = parse::param_attrs(&param.attrs, cx);
    if let Some(span) = attrs.first {
        cx.error_at(
            span,
            "the token is sent in the `Authorization` header: it takes no `#[slack(...)]`",
        );
    }
    let ident = plain_ident(&param.pat, cx);
    let is_token_ref = is_token_type(&param.ty);
    if is_named_ref(&param.ty, "ClientCredentials") {
        cx.error_spanned_by(
            &param.ty,
            "`ClientCredentials` stand in for the token only in a method called without one \
             (`oauth.v2.access`, or one declared `no_token`); this method takes \
             `token: &SlackToken`",
        );
    } else if !is_token_ref {
        cx.error_spanned_by(
            &param.ty,
            "the first parameter after `&self` is the token and must be typed `&SlackToken`",
        );
    }
    match ident {
        Some(ident) if is_token_ref => Ok((ident, (*param.ty).clone())),
        _ => Err(Failed),
    }
}

fn build_param(param: &PatType, cx: &mut Ctxt) -> Option<Param> {
    let (attrs, others) = parse::param_attrs(&param.attrs, cx);
    let ident = plain_ident(&param.pat, cx);
    let ty = (*param.ty).clone();
    let json_type = is_json_type(&ty);
    if let Some(span) = attrs.flatten {
        let clash = if attrs.json.is_some() {
            Some(
                "`flatten` and `json` exclude each other: a flattened struct's fields are the arguments",
            )
        } else if attrs.rename.is_some() {
            Some(
                "a flattened struct has no name on the wire: its fields are the arguments (rename them with `#[serde(rename)]`)",
            )
        } else {
            None
        };
        if let Some(message) = clash {
            cx.error_at(span, message);
            return None;
        }
    }
    let encoding = match (attrs.json, json_type) {
        _ if attrs.flatten.is_some() => Encoding::Flatten,
        (Some(span), true) => {
            cx.error_at(
                span,
                "`#[slack(json)]` on a `Json<_>` parameter encodes it twice: keep one of the two",
            );
            return None;
        }
        (Some(_), false) => Encoding::JsonAttr,
        (None, true) => Encoding::JsonType,
        (None, false) => Encoding::Form,
    };
    let slack_name = match &attrs.rename {
        Some(lit) => {
            let value = lit.value();
            if let Err(message) = valid::argument_name(&value) {
                cx.error_spanned_by(lit, message);
                return None;
            }
            Spanned {
                value,
                span: lit.span(),
            }
        }
        None => {
            let ident = ident.as_ref()?;
            Spanned {
                value: ident.unraw().to_string(),
                span: ident.span(),
            }
        }
    };
    Some(Param {
        ident: ident?,
        optional: is_option(&ty),
        ty,
        attrs: others,
        slack_name,
        encoding,
    })
}

/// The parameter's name, if it is written as one.
fn plain_ident(pat: &Pat, cx: &mut Ctxt) -> Option<Ident> {
    match pat {
        Pat::Ident(p) if p.by_ref.is_none() && p.mutability.is_none() && p.subpat.is_none() => {
            Some(p.ident.clone())
        }
        Pat::Ident(_) => {
            cx.error_spanned_by(
                pat,
                "write the parameter as a plain name: the generated body only borrows it, so \
                 `mut`, `ref` and `@` patterns have no effect",
            );
            None
        }
        _ => {
            cx.error_spanned_by(
                pat,
                "a Slack method's parameters are plain names, each sent as the Slack argument \
                 of that name; patterns such as `_` or `(a, b)` have no name to send",
            );
            None
        }
    }
}

/// `Result<T, SlackError>` as written and `T`, from an `async fn`'s return
/// type or a `fn`'s `impl Future<Output = Result<T, SlackError>>`.
pub(crate) fn build_output(
    item: &TraitItemFn,
    cx: &mut Ctxt,
) -> Option<(Type, Type, Option<TypeImplTrait>)> {
    let sig = &item.sig;
    const EXPECTED: &str = "a Slack method returns `Result<T, SlackError>` (`T` a `Deserialize` \
                            type such as `DefaultSuccess`)";
    let ty = match &sig.output {
        ReturnType::Type(_, ty) => ty,
        ReturnType::Default => {
            cx.error_at(
                sig.paren_token.span.close(),
                format_args!("missing return type: {EXPECTED}"),
            );
            return None;
        }
    };
    let (result, future) = if sig.asyncness.is_some() {
        (ty.as_ref(), None)
    } else if let Some((imp, output)) = future_output(ty) {
        (output, Some(imp.clone()))
    } else {
        if result_segment(ty).is_some() {
            cx.error_spanned_by(
                sig.fn_token,
                "missing `async`: a Slack method is an `async fn` (or a `fn` returning \
                 `impl Future<Output = Result<T, SlackError>> + Send`)",
            );
        } else {
            cx.error_spanned_by(
                ty,
                "a Slack method is an `async fn` returning `Result<T, SlackError>` (or a `fn` \
                 returning `impl Future<Output = Result<T, SlackError>> + Send`)",
            );
        }
        return None;
    };
    let Some(segment) = result_segment(result) else {
        cx.error_spanned_by(result, EXPECTED);
        return None;
    };
    let args: Vec<&GenericArgument> = match &segment.arguments {
        PathArguments::AngleBracketed(args) => args.args.iter().collect(),
        _ => Vec::new(),
    };
    match args.as_slice() {
        [GenericArgument::Type(ok), GenericArgument::Type(err)] => {
            if last_segment(err).is_some_and(|s| s.ident == "SlackError") {
                Some((result.clone(), ok.clone(), future))
            } else {
                cx.error_spanned_by(err, "the error type of a Slack method is `SlackError`: write `Result<T, SlackError>`");
                None
            }
        }
        _ => {
            cx.error_spanned_by(
                result,
                "spell the result out as `Result<T, SlackError>`: the macro reads `T` from it",
            );
            None
        }
    }
}

/// The `Result` segment of `Result<..>` / `std::result::Result<..>`.
fn result_segment(ty: &Type) -> Option<&PathSegment> {
    last_segment(ty).filter(|s| s.ident == "Result")
}

/// `impl Future<Output = X> (+ ...)` and `X`.
fn future_output(ty: &Type) -> Option<(&TypeImplTrait, &Type)> {
    let Type::ImplTrait(imp) = peel(ty) else {
        return None;
    };
    imp.bounds.iter().find_map(|bound| {
        let TypeParamBound::Trait(bound) = bound else {
            return None;
        };
        let segment = bound.path.segments.last()?;
        if segment.ident != "Future" {
            return None;
        }
        let PathArguments::AngleBracketed(args) = &segment.arguments else {
            return None;
        };
        args.args.iter().find_map(|arg| match arg {
            GenericArgument::AssocType(assoc) if assoc.ident == "Output" => Some((imp, &assoc.ty)),
            _ => None,
        })
    })
}

/// Strips invisible groups and parentheses.
pub(crate) fn peel(mut ty: &Type) -> &Type {
    loop {
        match ty {
            Type::Group(group) => ty = &group.elem,
            Type::Paren(paren) => ty = &paren.elem,
            _ => return ty,
        }
    }
}

pub(crate) fn last_segment(ty: &Type) -> Option<&PathSegment> {
    match peel(ty) {
        Type::Path(path) if path.qself.is_none() => path.path.segments.last(),
        _ => None,
    }
}

fn single_type_arg(segment: &PathSegment) -> Option<&Type> {
    let PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    let mut types = args.args.iter().filter_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    });
    let first = types.next()?;
    types.next().is_none().then_some(first)
}

/// `Option<T>` (or `&Option<T>`).
fn is_option(ty: &Type) -> bool {
    let ty = match peel(ty) {
        Type::Reference(reference) => &reference.elem,
        ty => ty,
    };
    last_segment(ty).is_some_and(|s| s.ident == "Option" && single_type_arg(s).is_some())
}

/// `Json<T>`, `Option<Json<T>>`, `&Json<T>`.
fn is_json_type(ty: &Type) -> bool {
    let ty = match peel(ty) {
        Type::Reference(reference) => &reference.elem,
        ty => ty,
    };
    match last_segment(ty) {
        Some(s) if s.ident == "Json" => true,
        Some(s) if s.ident == "Option" => single_type_arg(s).is_some_and(is_json_type),
        _ => false,
    }
}

/// Prints a type the way a person writes it: `Option<&str>`, `[u32; 2]`.
pub(crate) fn type_string(ty: &Type) -> String {
    fn print(tokens: TokenStream, out: &mut String) {
        // Whether the last thing written was a word (ident or literal): two
        // words in a row need a space (`dyn Trait`, `&'a str`).
        let mut after_word = false;
        for tt in tokens {
            match tt {
                TokenTree::Ident(_) | TokenTree::Literal(_) => {
                    if after_word {
                        out.push(' ');
                    }
                    out.push_str(&tt.to_string());
                    after_word = true;
                }
                TokenTree::Punct(punct) => {
                    match punct.as_char() {
                        c @ (',' | ';') => {
                            out.push(c);
                            out.push(' ');
                        }
                        c @ ('+' | '=') => {
                            out.push(' ');
                            out.push(c);
                            out.push(' ');
                        }
                        c @ ('&' | '*' | '\'') if after_word => {
                            out.push(' ');
                            out.push(c);
                        }
                        c => out.push(c),
                    }
                    after_word = false;
                }
                TokenTree::Group(group) => {
                    let (open, close) = match group.delimiter() {
                        Delimiter::Parenthesis => ("(", ")"),
                        Delimiter::Bracket => ("[", "]"),
                        Delimiter::Brace => ("{", "}"),
                        Delimiter::None => ("", ""),
                    };
                    out.push_str(open);
                    print(group.stream(), out);
                    out.push_str(close);
                    after_word = false;
                }
            }
        }
    }
    let mut out = String::new();
    print(ty.to_token_stream(), &mut out);
    out
}

/// The attributes the metadata const shares with the method: a `#[cfg]`
/// must remove both.
pub(crate) fn cfg_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|attr| parse::is_cfg(attr))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_print_as_written() {
        let cases: [(Type, &str); 9] = [
            (syn::parse_quote!(&str), "&str"),
            (syn::parse_quote!(&'a str), "&'a str"),
            (syn::parse_quote!(Option<&str>), "Option<&str>"),
            (syn::parse_quote!(Cow<'_, str>), "Cow<'_, str>"),
            (syn::parse_quote!(&[&str]), "&[&str]"),
            (syn::parse_quote!([u32; 2]), "[u32; 2]"),
            (
                syn::parse_quote!(Vec<Option<String>>),
                "Vec<Option<String>>",
            ),
            (
                syn::parse_quote!(std::collections::HashMap<String, u8>),
                "std::collections::HashMap<String, u8>",
            ),
            (syn::parse_quote!(Json<Vec<Block>>), "Json<Vec<Block>>"),
        ];
        for (ty, expected) in cases {
            assert_eq!(type_string(&ty), expected);
        }
    }

    #[test]
    fn optional_and_json_types() {
        assert!(is_option(&syn::parse_quote!(Option<bool>)));
        assert!(is_option(&syn::parse_quote!(core::option::Option<&str>)));
        assert!(!is_option(&syn::parse_quote!(bool)));
        assert!(is_json_type(&syn::parse_quote!(Json<Vec<u8>>)));
        assert!(is_json_type(&syn::parse_quote!(
            Option<slackline::Json<&T>>
        )));
        assert!(!is_json_type(&syn::parse_quote!(Vec<Json<u8>>)));
    }
}
