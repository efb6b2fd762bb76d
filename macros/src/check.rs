//! Judging a declaration: each rule a named `check_*` function that records
//! its mistakes in the [`Ctxt`]. `signature` looks at the method as written
//! (it runs even when no model could be built, so that one compile shows
//! every mistake); `method` looks at the built model. Comparisons with
//! Slack's catalog are warnings, in `catalog.rs`.

use syn::{Attribute, FnArg, GenericParam, ReceiverKind, Safety, Signature, TraitItemFn, Type};

use crate::ctxt::Ctxt;
use crate::model::{self, Encoding, Method};
use crate::parse;

/// The rules about the method as written.
pub(crate) fn signature(item: &TraitItemFn, cx: &mut Ctxt) {
    check_method_attrs(&item.attrs, cx);
    check_no_body(item, cx);
    check_qualifiers(&item.sig, cx);
    check_generics(&item.sig, cx);
    check_receiver(&item.sig, cx);
}

/// The rules about the built model.
pub(crate) fn method(m: &Method, cx: &mut Ctxt) {
    check_token(m, cx);
    check_wire_names(m, cx);
}

/// A second `#[slack_method]` (it would expand the expansion) and
/// `#[slack(...)]`, which belongs on parameters.
fn check_method_attrs(attrs: &[Attribute], cx: &mut Ctxt) {
    for attr in attrs {
        if parse::is_slack_method(attr) {
            cx.error_spanned_by(
                attr,
                "duplicate `#[slack_method]`: a method declares one Slack method; put every key \
                 in one attribute",
            );
        } else if attr.path().is_ident("slack") {
            cx.error_spanned_by(
                attr,
                "`#[slack(...)]` goes on a parameter (`rename`, `json`, `flatten`); the method's \
                 own keys go in `#[slack_method(...)]`",
            );
        }
    }
}

fn check_no_body(item: &TraitItemFn, cx: &mut Ctxt) {
    if let Some(block) = &item.default {
        cx.error_spanned_by(
            block,
            "a `#[slack_method]` declaration has no body: the macro writes it; end the \
             signature with `;`, inside a trait (not an `impl` block or a free function)",
        );
    }
}

fn check_qualifiers(sig: &Signature, cx: &mut Ctxt) {
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
}

fn check_generics(sig: &Signature, cx: &mut Ctxt) {
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
}

/// `&self` first, and `self` nowhere else.
fn check_receiver(sig: &Signature, cx: &mut Ctxt) {
    let mut inputs = sig.inputs.iter();
    match inputs.next() {
        Some(FnArg::Receiver(receiver)) => {
            if !is_shared_self(receiver) {
                cx.error_spanned_by(
                    receiver,
                    "a Slack method takes `&self`: the generated body only borrows the client",
                );
            }
        }
        _ => cx.error_at(
            sig.paren_token.span.join(),
            "a Slack method takes `&self` first, e.g. \
             `(&self, token: &SlackToken, user_id: &str)`",
        ),
    }
    for input in inputs {
        if let FnArg::Receiver(receiver) = input {
            cx.error_spanned_by(receiver, "`self` must be the first parameter");
        }
    }
}

/// `&self`, `&'a self`, or its long form `self: &Self`.
fn is_shared_self(receiver: &syn::Receiver) -> bool {
    let is_self = |ty: &Type| matches!(model::peel(ty), Type::Path(p) if p.qself.is_none() && p.path.is_ident("Self"));
    receiver.mutability.is_none()
        && match &receiver.kind {
            ReceiverKind::Reference(_, _, mutability) => mutability.is_none(),
            ReceiverKind::Typed(_, ty) => {
                matches!(model::peel(ty), Type::Reference(r) if r.mutability.is_none() && is_self(&r.elem))
            }
            _ => false,
        }
}

/// `no_token` and a token parameter contradict each other.
fn check_token(m: &Method, cx: &mut Ctxt) {
    if let (Some(no_token), Some((ident, _))) = (m.declared.no_token, &m.token) {
        cx.error_at(
            no_token,
            format_args!(
                "`no_token` says `{}` is called without a token, yet `{ident}` is a token: \
                 remove one of the two",
                m.name.value
            ),
        );
    }
}

/// Each Slack argument sent once, and never one named `token`.
fn check_wire_names(m: &Method, cx: &mut Ctxt) {
    for (i, param) in m.params.iter().enumerate() {
        if param.slack_name.value == "token" {
            cx.error_at(
                param.slack_name.span,
                "an argument named `token` would put a token in the request body: the token is \
                 the first parameter and goes in the `Authorization` header",
            );
            continue;
        }
        // A flattened struct's field names are known only at run time.
        let sent_twice = |other: &&model::Param| {
            param.encoding != Encoding::Flatten
                && other.encoding != Encoding::Flatten
                && other.slack_name.value == param.slack_name.value
        };
        match m.params[..i].iter().find(sent_twice) {
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
    }
}
