//! Writing the code: the metadata const and the method with its default body.

use std::fmt::Write as _;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;
use syn::{Block, FnArg, Ident, ReceiverKind, ReturnType, TraitItemFn, Type, TypeParamBound};

use slackline_catalog::{Special, Tier, Verb};

use crate::ctxt::Ctxt;
use crate::model::{self, Encoding, Method};
use crate::{catalog, check, parse, valid};

/// The whole macro: parse, check, then either the expansion or the errors
/// next to a stand-in of the user's method.
pub(crate) fn slack_method(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut cx = Ctxt::new();
    let args = parse::method_args(args, &mut cx);
    let item_fn: TraitItemFn = match syn::parse2(item.clone()) {
        Ok(item_fn) => item_fn,
        Err(_) => {
            cx.error_at(
                Span::call_site(),
                "`#[slack_method]` goes on a method declaration inside a trait, e.g. \
                 `async fn chat_post_message(&self, token: &SlackToken, channel: &str, text: &str) \
                 -> Result<DefaultSuccess, SlackError>;`",
            );
            return with_errors(cx, item);
        }
    };
    let method = model::Method::from_syn(args, &item_fn, &mut cx);
    check::signature(&item_fn, &mut cx);
    if let Some(method) = &method {
        check::method(method, &mut cx);
    }
    match method {
        Some(method) if cx.is_clean() => {
            let expanded = expand(&method);
            debug_print(&method, &expanded);
            expanded.tokens()
        }
        _ => {
            if cx.is_clean() {
                cx.error_at(
                    Span::call_site(),
                    "internal error in #[slack_method]: please report it",
                );
            }
            with_errors(cx, fallback(item_fn))
        }
    }
}

/// The errors, followed by code that keeps the rest of the crate compiling.
fn with_errors(cx: Ctxt, fallback: impl quote::ToTokens) -> TokenStream {
    let errors = cx.check().err().map(syn::Error::into_compile_error);
    quote!(#errors #fallback)
}

/// The user's method as written, made to compile on its own: `#[slack]`
/// attributes removed, and a body (`unimplemented!()`) given when it has
/// none so that `impl Trait for SlackClient {}` does not fail too.
fn fallback(mut item: TraitItemFn) -> TraitItemFn {
    // A second `#[slack_method]` would expand the stand-in again; a
    // misplaced `#[slack]` would add "cannot find attribute".
    item.attrs
        .retain(|attr| !(attr.path().is_ident("slack") || parse::is_slack_method(attr)));
    for input in &mut item.sig.inputs {
        match input {
            FnArg::Typed(param) => param.attrs.retain(|attr| !attr.path().is_ident("slack")),
            // `self` by value would add "size of `Self` unknown" to the errors.
            FnArg::Receiver(receiver) => {
                if !matches!(receiver.kind, ReceiverKind::Reference(..)) {
                    *receiver = syn::parse_quote!(&self);
                }
            }
        }
    }
    if item.default.is_none() {
        let returns_impl = matches!(
            &item.sig.output,
            ReturnType::Type(_, ty) if matches!(**ty, Type::ImplTrait(_))
        );
        let body: Block = if item.sig.asyncness.is_none() && returns_impl {
            syn::parse_quote!({ async { ::core::unimplemented!() } })
        } else {
            syn::parse_quote!({ ::core::unimplemented!() })
        };
        item.default = Some(body);
        item.semi_token = None;
    }
    // The errors are what matters; lints on the stand-in are noise.
    item.attrs
        .push(syn::parse_quote!(#[allow(unused_variables, unused_mut)]));
    item
}

/// The expansion in its two parts, printed apart by `SLACKLINE_MACROS_DEBUG`.
struct Expanded {
    spec: TokenStream,
    method: TokenStream,
}

impl Expanded {
    fn tokens(self) -> TokenStream {
        let Expanded { spec, method } = self;
        quote!(#spec #method)
    }
}

/// The name of a method's metadata const (`ADMIN_USERS_SESSION_RESET`),
/// spanned on the method's name. `#[slack_api]` lists the same names.
pub(crate) fn spec_const_ident(method: &Ident) -> Ident {
    format_ident!(
        "{}",
        valid::screaming_snake(&method.unraw().to_string()),
        span = method.span()
    )
}

fn expand(m: &Method) -> Expanded {
    let const_ident = spec_const_ident(&m.ident);
    let spec = spec_const(m, &const_ident);
    let method = method(m, &const_ident);
    Expanded { spec, method }
}

/// `const ADMIN_USERS_SESSION_RESET: MethodSpec = MethodSpec { .. };`
fn spec_const(m: &Method, const_ident: &Ident) -> TokenStream {
    let name = &m.name.value;
    let scopes = &m.facts.scopes;
    let scopes_declared = m.facts.scopes_declared;
    let tier = tier_tokens(m.facts.tier);
    let takes_token = m.token.is_some();
    let idempotent = m.idempotent;
    let http = match m.facts.http {
        Verb::Post => quote!(::slackline::__private::HttpMethod::Post),
        Verb::Get => quote!(::slackline::__private::HttpMethod::Get),
    };
    let args = m.params.iter().map(|p| {
        let wire = &p.slack_name.value;
        let rust_type = p.rust_type();
        let required = !p.optional;
        let encoding = match p.encoding {
            Encoding::Form => quote!(::slackline::__private::ArgEncoding::Form),
            Encoding::JsonType | Encoding::JsonAttr => {
                quote!(::slackline::__private::ArgEncoding::Json)
            }
            Encoding::Flatten => quote!(::slackline::__private::ArgEncoding::Flatten),
        };
        quote! {
            ::slackline::__private::ArgSpec {
                name: #wire,
                rust_type: #rust_type,
                required: #required,
                encoding: #encoding,
            }
        }
    });
    let doc = format!(
        "Metadata of the Slack method `{name}`, declared by [`{method}`](Self::{method}).",
        method = m.ident,
    );
    let cfgs = model::cfg_attrs(&m.attrs);
    // Spanned on the method's name: a clash with another const of that name
    // (another method's, or one of the user's) is reported there.
    quote_spanned! {m.ident.span()=>
        #(#cfgs)*
        #[doc = #doc]
        const #const_ident: ::slackline::__private::MethodSpec = ::slackline::__private::MethodSpec {
            name: #name,
            scopes: &[#(#scopes),*],
            scopes_declared: #scopes_declared,
            tier: #tier,
            idempotent: #idempotent,
            http: #http,
            takes_token: #takes_token,
            args: &[#(#args),*],
        };
    }
}

/// A catalog tier as an expression of `slackline::Tier`.
fn tier_tokens(tier: Tier) -> TokenStream {
    let rate = |rate: slackline_catalog::Rate| {
        let (per_minute, burst) = (rate.per_minute, rate.burst);
        quote!(::slackline::__private::Rate { per_minute: #per_minute, burst: #burst })
    };
    let path = quote!(::slackline::__private::Tier);
    let special = quote!(::slackline::__private::Special);
    match tier {
        Tier::Tier1 => quote!(#path::Tier1),
        Tier::Tier2 => quote!(#path::Tier2),
        Tier::Tier3 => quote!(#path::Tier3),
        Tier::Tier4 => quote!(#path::Tier4),
        Tier::Unlisted => quote!(#path::Unlisted),
        Tier::Special(Special::Unstated) => quote!(#path::Special(#special::Unstated)),
        Tier::Special(Special::PerChannel(r)) => {
            let r = rate(r);
            quote!(#path::Special(#special::PerChannel(#r)))
        }
        Tier::Special(Special::Stated(r)) => {
            let r = rate(r);
            quote!(#path::Special(#special::Stated(#r)))
        }
    }
}

/// The method, no longer `async`, returning a `Send` future, with its body.
fn method(m: &Method, const_ident: &Ident) -> TokenStream {
    let attrs = &m.attrs;
    let docs = doc_section(m, const_ident);
    let (fn_token, ident) = (&m.fn_token, &m.ident);
    let (generics, receiver) = (&m.generics, &m.receiver);
    let predicates = m
        .generics
        .where_clause
        .iter()
        .flat_map(|w| w.predicates.iter());
    let self_token = &m.receiver.self_token;
    let auth_param = m
        .token
        .as_ref()
        .or(m.credentials.as_ref())
        .map(|(ident, ty)| quote!(#ident: #ty,));
    let params = m.params.iter().map(|p| {
        let (attrs, ident, ty) = (&p.attrs, &p.ident, &p.ty);
        quote!(#(#attrs)* #ident: #ty)
    });

    // Generated locals are mixed-site: a parameter named `__slack_form`
    // cannot collide with them.
    let form = Ident::new(
        "__slack_form",
        Span::mixed_site().located_at(m.output.span()),
    );
    let value = Ident::new("__slack_value", Span::mixed_site());
    let encode = m.params.iter().map(|p| {
        let (ty, wire) = (&p.ty, &p.slack_name.value);
        // Spanned on the user's type: an argument that cannot be encoded is
        // reported there (`EncodeArg` has `#[diagnostic::on_unimplemented]`),
        // the use of the parameter included (it is what rustc points at when
        // the type cannot be named).
        let span = ty.span();
        let mut ident = p.ident.clone();
        ident.set_span(span);
        // The type is named where it can be (an `impl Trait` cannot): the
        // error then says which type lacks the encoding.
        let named = (!p.has_impl_trait()).then_some(ty);
        let turbofish = named.map(|ty| quote_spanned!(span=> ::<#ty>));
        match p.encoding {
            Encoding::Flatten => quote_spanned! {span=>
                ::slackline::__private::encode_flatten #turbofish (&#ident, &mut #form);
            },
            Encoding::JsonAttr if p.optional => quote_spanned! {span=>
                if let ::core::option::Option::Some(#value) = &#ident {
                    ::slackline::__private::encode_json(#value, #wire, &mut #form);
                }
            },
            Encoding::JsonAttr => quote_spanned! {span=>
                ::slackline::__private::encode_json #turbofish (&#ident, #wire, &mut #form);
            },
            Encoding::Form | Encoding::JsonType => {
                let encode_arg = match named {
                    Some(ty) => quote_spanned!(span=> <#ty as ::slackline::__private::EncodeArg>),
                    None => quote_spanned!(span=> ::slackline::__private::EncodeArg),
                };
                quote_spanned! {span=>
                    #encode_arg::encode_arg(&#ident, #wire, &mut #form);
                }
            }
        }
    });
    let capacity: usize = m.params.iter().map(capacity_guess).sum();
    let mutability = (!m.params.is_empty()).then(|| quote!(mut));
    let returns = returns(m);
    // Spanned on `T`: a `T` that cannot be decoded is reported there, once
    // (`T` is inferred from the return type: a turbofish would make rustc
    // report the missing bound a second time, on the opaque type).
    let client = quote!(::slackline::__private::AsSlackClient::slack_client(#self_token));
    let call = match (&m.token, &m.credentials) {
        (Some((token, _)), _) => quote_spanned! {m.ok_type.span()=>
            ::slackline::__private::call(#client, &Self::#const_ident, #token, #form)
        },
        (None, Some((credentials, _))) => quote_spanned! {m.ok_type.span()=>
            ::slackline::__private::call_with_credentials(
                #client, &Self::#const_ident, #credentials, #form)
        },
        (None, None) => quote_spanned! {m.ok_type.span()=>
            ::slackline::__private::call_without_token(#client, &Self::#const_ident, #form)
        },
    };

    let catalog_warnings = catalog_warnings(m);
    // Encoded now, before the future exists: it then borrows only the
    // client and the token.
    let statements = quote! {
        #(#catalog_warnings)*
        let #mutability #form = ::slackline::__private::Form::with_capacity(#capacity);
        #(#encode)*
        #call
    };
    // The braces carry the return type's span: rustc reports a future whose
    // output cannot be produced at the body, which is then the user's type.
    let body = quote_spanned!(m.output.span()=> { #statements });

    quote! {
        #(#attrs)*
        #(#docs)*
        #fn_token #ident #generics (#receiver, #auth_param #(#params),*)
            -> #returns
        where
            #(#predicates,)*
            Self: ::slackline::__private::AsSlackClient,
        #body
    }
}

/// Disagreements with Slack's catalog, as warnings at the user's tokens:
/// stable Rust lets a macro warn only through a lint, so each one is the
/// use of a `#[deprecated]` item whose note is the message.
fn catalog_warnings(m: &Method) -> Vec<TokenStream> {
    if m.unchecked {
        return Vec::new();
    }
    catalog::check(m)
        .into_iter()
        .map(|warning| {
            let message = warning.message;
            let item = Ident::new("slack_catalog", Span::call_site());
            let used = Ident::new("slack_catalog", warning.span);
            quote! {
                {
                    #[allow(non_camel_case_types, dead_code)]
                    #[deprecated(note = #message)]
                    struct #item;
                    let _ = #used;
                }
            }
        })
        .collect()
}

/// `impl Future<Output = Result<T, SlackError>> + Send`: an `async fn`'s
/// desugaring, or a plain `fn`'s `impl Future` as written, `+ Send` added
/// when missing. Spanned on the user's return type: a future that is not
/// `Send` is reported there.
fn returns(m: &Method) -> TokenStream {
    let send = quote_spanned!(m.output.span()=> ::core::marker::Send);
    match &m.future {
        Some(imp) => {
            let has_send = imp.bounds.iter().any(|bound| {
                matches!(bound, TypeParamBound::Trait(t)
                    if t.path.segments.last().is_some_and(|s| s.ident == "Send"))
            });
            if has_send {
                quote!(#imp)
            } else {
                quote_spanned!(m.output.span()=> #imp + #send)
            }
        }
        None => {
            let output = &m.output;
            quote_spanned!(m.output.span()=> impl ::core::future::Future<Output = #output> + #send)
        }
    }
}

/// A body size that fits most calls without growing: `name=` plus a
/// typical value for the kind.
fn capacity_guess(p: &model::Param) -> usize {
    let value = match p.encoding {
        Encoding::JsonType | Encoding::JsonAttr => 256,
        Encoding::Flatten => 128,
        Encoding::Form => 24,
    };
    p.slack_name.value.len() + 2 + value
}

/// The `# Slack method` section appended to the method's docs.
fn doc_section(m: &Method, const_ident: &Ident) -> Vec<TokenStream> {
    let name = &m.name.value;
    let mut lines = vec![
        String::new(),
        "# Slack method".to_owned(),
        String::new(),
        format!("- Method: [`{name}`](https://docs.slack.dev/reference/methods/{name})"),
    ];
    let scopes: Vec<String> = m.facts.scopes.iter().map(|s| format!("`{s}`")).collect();
    match scopes.as_slice() {
        [] => lines.push("- Scope: none needed".to_owned()),
        [one] => lines.push(format!("- Scope: {one}")),
        several => lines.push(format!("- Scopes (any one): {}", several.join(", "))),
    }
    match (&m.token, &m.credentials) {
        (Some(_), _) => {}
        (None, Some(_)) => lines
            .push("- Token: none; the app's client credentials go as HTTP Basic auth".to_owned()),
        (None, None) => lines.push("- Token: none (sent without `Authorization`)".to_owned()),
    }
    lines.push(format!(
        "- Rate limit: {}",
        catalog::describe_tier(m.facts.tier)
    ));
    lines.push(format!("- HTTP: `{}`", m.facts.http.as_str()));
    if m.idempotent {
        lines.push(
            "- Idempotent: retried after a failure even once the request was sent".to_owned(),
        );
    }
    if !m.params.is_empty() {
        let mut args = String::from("- Arguments:");
        for (i, p) in m.params.iter().enumerate() {
            let sep = if i == 0 { " " } else { ", " };
            let _ = write!(args, "{sep}`{}`", p.slack_name.value);
            if !p.optional {
                args.push_str(" (required)");
            }
            match p.encoding {
                Encoding::Form => {}
                Encoding::JsonType | Encoding::JsonAttr => args.push_str(" (JSON)"),
                Encoding::Flatten => args.push_str(" (its fields are the arguments)"),
            }
        }
        lines.push(args);
    }
    lines.push(String::new());
    lines.push(format!("The same facts in code: [`Self::{const_ident}`]."));
    // Spanned on `fn`: rustc points some errors at the start of the item.
    let span = m.fn_token.span;
    lines
        .into_iter()
        .map(|line| quote_spanned!(span=> #[doc = #line]))
        .collect()
}

/// `SLACKLINE_MACROS_DEBUG=1` prints every expansion to stderr;
/// `SLACKLINE_MACROS_DEBUG=chat.postMessage` (or a Rust method name) only
/// that one. The code goes through `rustfmt` when one is on the `PATH`
/// (`$RUSTFMT` overrides it), else it is printed as rustc spells tokens.
/// Cargo does not rebuild when only the variable changes: touch the file
/// that declares the method.
fn debug_print(m: &Method, expanded: &Expanded) {
    let Some(filter) = std::env::var_os("SLACKLINE_MACROS_DEBUG") else {
        return;
    };
    let filter = filter.to_string_lossy();
    let wanted = matches!(&*filter, "1" | "true" | "all")
        || filter == m.name.value
        || m.ident.unraw() == *filter;
    if !wanted {
        return;
    }
    let Expanded { spec, method } = expanded;
    let code = format!("{spec}\n{method}");
    let code = rustfmt_trait_items(&code).unwrap_or(code);
    eprintln!(
        "// #[slack_method(\"{}\")] on `{}` expands to:\n{}\n",
        m.name.value,
        m.ident,
        code.trim_end()
    );
}

/// Formats trait items with `rustfmt` (wrapped in a trait, which is then
/// taken off again); `None` when rustfmt is missing or fails.
fn rustfmt_trait_items(items: &str) -> Option<String> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    let rustfmt = std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
    let mut child = Command::new(rustfmt)
        .args(["--edition", "2024"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    // rustfmt reads all of its input before writing: no deadlock.
    let written = child
        .stdin
        .take()?
        .write_all(format!("trait Expansion {{\n{items}\n}}\n").as_bytes());
    let output = child.wait_with_output().ok()?;
    if written.is_err() || !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    let inner = text
        .trim_end()
        .strip_prefix("trait Expansion {\n")?
        .strip_suffix('}')?;
    Some(
        inner
            .lines()
            .map(|line| line.strip_prefix("    ").unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}
