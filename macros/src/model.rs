//! The checked model of one declared Slack method.
//!
//! Built from the parsed attribute and the `syn::TraitItemFn`; every mistake
//! is recorded in the [`Ctxt`] with the span of the tokens at fault. The
//! model keeps, for the method and for each parameter, the Slack-side facts
//! (names, scopes, encoding, optionality) next to their spans, so that a
//! later pass can check a declaration against Slack's method catalog.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt as _;
use syn::{
    Attribute, FnArg, GenericArgument, GenericParam, Generics, Ident, LitStr, Pat, PatType,
    PathArguments, PathSegment, Receiver, ReceiverKind, ReturnType, Safety, TraitItemFn, Type,
    TypeImplTrait, TypeParamBound,
};

use crate::ctxt::Ctxt;
use crate::parse::{self, MethodArgs};
use crate::valid;

/// A declaration that passed every check.
pub(crate) struct Method {
    /// Slack's method name, e.g. `admin.users.session.reset`.
    pub name: Spanned<String>,
    /// The OAuth scopes, any one of which is enough (at least one).
    pub scopes: Vec<Spanned<String>>,
    /// Slack's rate-limit tier, 1 to 4.
    pub tier: Option<Spanned<u8>>,
    pub idempotent: bool,
    pub http: Http,
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
    /// The token parameter: its name and type (`&SlackToken`).
    pub token: (Ident, Type),
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

/// A value with the span of the tokens it was read from.
pub(crate) struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Http {
    Post,
    Get,
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

impl Method {
    /// Checks a declaration. `None` when anything is wrong; every mistake is
    /// then in `cx`.
    pub(crate) fn from_syn(args: MethodArgs, item: &TraitItemFn, cx: &mut Ctxt) -> Option<Method> {
        let name = check_name(args.name, cx);
        let scopes = check_scopes(args.scopes, args.scope_reported, cx);
        let tier = args.tier.and_then(|lit| match lit.base10_parse::<u64>() {
            Ok(n @ 1..=4) => Some(Spanned {
                value: n as u8,
                span: lit.span(),
            }),
            _ => {
                cx.error_spanned_by(
                    &lit,
                    "Slack's rate-limit tiers are 1, 2, 3 and 4 (methods with special limits \
                     leave `tier` out)",
                );
                None
            }
        });
        let http = match &args.http {
            None => Some(Http::Post),
            Some(lit) => match lit.value().as_str() {
                "POST" => Some(Http::Post),
                "GET" => Some(Http::Get),
                written => {
                    let hint = match written.to_ascii_uppercase().as_str() {
                        upper @ ("POST" | "GET") => format!(" (in capitals: \"{upper}\")"),
                        _ => String::new(),
                    };
                    cx.error_spanned_by(
                        lit,
                        format_args!("`http` is \"POST\" (the default) or \"GET\"{hint}"),
                    );
                    None
                }
            },
        };

        let sig = &item.sig;
        check_method_attrs(&item.attrs, cx);
        if let Some(block) = &item.default {
            cx.error_spanned_by(
                block,
                "a `#[slack_method]` declaration has no body: the macro writes it; end the \
                 signature with `;`, inside a trait (not an `impl` block or a free function)",
            );
        }
        if let Some(constness) = &sig.constness {
            cx.error_spanned_by(constness, "a Slack method cannot be `const`: remove it");
        }
        if let Safety::Unsafe(unsafety) = &sig.safety {
            cx.error_spanned_by(unsafety, "a Slack method cannot be `unsafe`: remove it");
        }
        if let Some(abi) = &sig.abi {
            cx.error_spanned_by(
                abi,
                "a Slack method cannot have an ABI: remove the `extern`",
            );
        }
        if let Some(variadic) = &sig.variadic {
            cx.error_spanned_by(
                variadic,
                "a Slack method cannot be variadic: remove the `...`",
            );
        }
        for param in &sig.generics.params {
            match param {
                GenericParam::Lifetime(_) => {}
                GenericParam::Type(_) | GenericParam::Const(_) => cx.error_spanned_by(
                    param,
                    "a Slack method cannot be generic: give each parameter a concrete type \
                     (or `impl Trait`)",
                ),
            }
        }

        let parens = sig.paren_token.span;
        let mut inputs = sig.inputs.iter().peekable();
        let receiver = match inputs.peek() {
            Some(FnArg::Receiver(receiver)) => {
                inputs.next();
                let by_shared_ref = is_shared_self(receiver);
                if !by_shared_ref {
                    cx.error_spanned_by(
                        receiver,
                        "a Slack method takes `&self`: the generated body only borrows the client",
                    );
                }
                by_shared_ref.then(|| receiver.clone())
            }
            _ => {
                cx.error_at(
                    parens.join(),
                    "a Slack method takes `&self` first, e.g. \
                     `(&self, token: &SlackToken, user_id: &str)`",
                );
                None
            }
        };

        let token = match inputs.next() {
            Some(FnArg::Typed(param)) => check_token(param, cx),
            Some(FnArg::Receiver(receiver)) => {
                cx.error_spanned_by(receiver, "`self` must be the first parameter");
                None
            }
            None => {
                cx.error_at(
                    parens.join(),
                    "missing the token parameter: the first parameter after `&self` is \
                     `token: &SlackToken`",
                );
                None
            }
        };

        let mut params: Vec<Param> = Vec::new();
        for input in inputs {
            let FnArg::Typed(param) = input else {
                cx.error_spanned_by(input, "`self` must be the first parameter");
                continue;
            };
            let Some(param) = check_param(param, cx) else {
                continue;
            };
            // A flattened struct's field names are known only at run time.
            let sent_twice = |other: &&Param| {
                param.encoding != Encoding::Flatten
                    && other.encoding != Encoding::Flatten
                    && other.slack_name.value == param.slack_name.value
            };
            match params.iter().find(sent_twice) {
                // Two parameters of one name: rustc says so (E0415).
                Some(first) if first.ident == param.ident => {}
                Some(first) => cx.error_at(
                    param.slack_name.span,
                    format_args!(
                        "two parameters are sent as the Slack argument `{}`: `{}` and `{}`; \
                         rename one with `#[slack(rename = \"...\")]` or remove it",
                        param.slack_name.value, first.ident, param.ident
                    ),
                ),
                None => {}
            }
            params.push(param);
        }

        let output = check_output(item, cx);

        let name = name?;
        let scopes = scopes?;
        let http = http?;
        let receiver = receiver?;
        let token = token?;
        let (output, ok_type, future) = output?;
        if !cx.is_clean() {
            return None;
        }
        Some(Method {
            name,
            scopes,
            tier,
            idempotent: args.idempotent.is_some(),
            unchecked: args.unchecked.is_some(),
            http,
            attrs: item.attrs.clone(),
            fn_token: sig.fn_token,
            ident: sig.ident.clone(),
            generics: sig.generics.clone(),
            receiver,
            token,
            params,
            output,
            ok_type,
            future,
        })
    }
}

fn check_name(name: Option<LitStr>, cx: &mut Ctxt) -> Option<Spanned<String>> {
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

fn check_scopes(
    scopes: Option<(Span, Vec<LitStr>)>,
    reported: bool,
    cx: &mut Ctxt,
) -> Option<Vec<Spanned<String>>> {
    let Some((key, lits)) = scopes else {
        if reported {
            return None;
        }
        cx.error_at(
            Span::call_site(),
            "missing `scope = \"...\"`: every Slack method declares the OAuth scope it needs, \
             e.g. `scope = \"chat:write\"`",
        );
        return None;
    };
    if lits.is_empty() {
        cx.error_at(
            key,
            "`scopes` lists no scope: name at least one, e.g. `scopes = [\"chat:write\"]`",
        );
        return None;
    }
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
    ok.then_some(checked)
}

fn check_token(param: &PatType, cx: &mut Ctxt) -> Option<(Ident, Type)> {
    let (attrs, _) = parse::param_attrs(&param.attrs, cx);
    if let Some(span) = attrs.first {
        cx.error_at(
            span,
            "the token is sent in the `Authorization` header: it takes no `#[slack(...)]`",
        );
    }
    let ident = plain_ident(&param.pat, cx);
    let is_token_ref = match peel(&param.ty) {
        Type::Reference(reference) if reference.mutability.is_none() => {
            last_segment(&reference.elem).is_some_and(|s| {
                s.ident == "SlackToken" && matches!(s.arguments, PathArguments::None)
            })
        }
        _ => false,
    };
    if !is_token_ref {
        cx.error_spanned_by(
            &param.ty,
            "the first parameter after `&self` is the token and must be typed `&SlackToken`",
        );
    }
    let ident = ident?;
    is_token_ref.then(|| (ident, (*param.ty).clone()))
}

fn check_param(param: &PatType, cx: &mut Ctxt) -> Option<Param> {
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
    if slack_name.value == "token" {
        cx.error_at(
            slack_name.span,
            "an argument named `token` would put a token in the request body: the token is \
             the first parameter and goes in the `Authorization` header",
        );
        return None;
    }
    Some(Param {
        ident: ident?,
        optional: is_option(&ty),
        ty,
        attrs: others,
        slack_name,
        encoding,
    })
}

/// `&self`, `&'a self`, or its long form `self: &Self`.
fn is_shared_self(receiver: &Receiver) -> bool {
    let is_self = |ty: &Type| matches!(peel(ty), Type::Path(p) if p.qself.is_none() && p.path.is_ident("Self"));
    receiver.mutability.is_none()
        && match &receiver.kind {
            ReceiverKind::Reference(_, _, mutability) => mutability.is_none(),
            ReceiverKind::Typed(_, ty) => {
                matches!(peel(ty), Type::Reference(r) if r.mutability.is_none() && is_self(&r.elem))
            }
            _ => false,
        }
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

/// Mistakes among the method's own attributes: a second `#[slack_method]`
/// (it would expand the expansion) and `#[slack(...)]`, which belongs on
/// parameters.
fn check_method_attrs(attrs: &[Attribute], cx: &mut Ctxt) {
    for attr in attrs {
        let path = attr.path();
        if path
            .segments
            .last()
            .is_some_and(|s| s.ident == "slack_method")
        {
            cx.error_spanned_by(
                attr,
                "duplicate `#[slack_method]`: a method declares one Slack method; put every key \
                 in one attribute",
            );
        } else if path.is_ident("slack") {
            cx.error_spanned_by(
                attr,
                "`#[slack(...)]` goes on a parameter (`rename`, `json`, `flatten`); the method's \
                 own keys go in `#[slack_method(...)]`",
            );
        }
    }
}

/// `Result<T, SlackError>` as written and `T`, from an `async fn`'s return
/// type or a `fn`'s `impl Future<Output = Result<T, SlackError>>`.
fn check_output(item: &TraitItemFn, cx: &mut Ctxt) -> Option<(Type, Type, Option<TypeImplTrait>)> {
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
fn peel(mut ty: &Type) -> &Type {
    loop {
        match ty {
            Type::Group(group) => ty = &group.elem,
            Type::Paren(paren) => ty = &paren.elem,
            _ => return ty,
        }
    }
}

fn last_segment(ty: &Type) -> Option<&PathSegment> {
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

/// Attributes for the associated const too: a `#[cfg]` must remove both.
pub(crate) fn cfg_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident("cfg"))
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
