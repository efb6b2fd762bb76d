//! `#[slack_api]`: a trait's declared Slack methods, listed in code.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{ItemTrait, TraitItem, TypeParamBound, parse_quote};

use crate::{expand, parse};

/// Adds `const SLACK_METHODS: &'static [MethodSpec]` to the trait: the
/// metadata const of every `#[slack_method]` in it, in declaration order;
/// and, when it declares Slack methods, the supertrait `AsSlackClient`, so
/// that generic code needs only `C: MyApi`.
pub(crate) fn slack_api(args: TokenStream, item: TokenStream) -> TokenStream {
    if !args.is_empty() {
        let error = syn::Error::new_spanned(&args, "`#[slack_api]` takes no arguments");
        let mut out = error.to_compile_error();
        out.extend(item);
        return out;
    }
    let mut tr: ItemTrait = match syn::parse2(item.clone()) {
        Ok(tr) => tr,
        Err(_) => {
            let error = syn::Error::new(
                proc_macro2::Span::call_site(),
                "`#[slack_api]` goes on a trait whose methods are declared with `#[slack_method]`",
            );
            let mut out = error.to_compile_error();
            out.extend(item);
            return out;
        }
    };
    let consts: Vec<_> = tr
        .items
        .iter()
        .filter_map(|item| match item {
            // A method behind `#[cfg]` may not exist: it cannot be listed
            // unconditionally, so it is left out (documented).
            TraitItem::Fn(f)
                if f.attrs.iter().any(parse::is_slack_method)
                    && !f.attrs.iter().any(parse::is_cfg) =>
            {
                Some(expand::spec_const_ident(&f.sig.ident))
            }
            _ => None,
        })
        .collect();
    // Generic code then needs only `C: MyApi`: the trait carries the
    // client access its methods' bodies use.
    let declares_methods = tr
        .items
        .iter()
        .any(|item| matches!(item, TraitItem::Fn(f) if f.attrs.iter().any(parse::is_slack_method)));
    let has_client_bound = tr.supertraits.iter().any(|bound| {
        matches!(bound, TypeParamBound::Trait(t)
            if t.path.segments.last().is_some_and(|s| s.ident == "AsSlackClient"))
    });
    if declares_methods && !has_client_bound {
        tr.colon_token.get_or_insert_with(Default::default);
        tr.supertraits
            .push(parse_quote!(::slackline::AsSlackClient));
    }
    let name = tr.ident.to_string();
    let doc = format!(
        "Every Slack method `{name}` declares, in declaration order: names, scopes, \
         tiers and arguments (e.g. for an app manifest, see `slackline::manifest_scopes`)."
    );
    tr.items.push(parse_quote! {
        #[doc = #doc]
        const SLACK_METHODS: &'static [::slackline::__private::MethodSpec] = &[#(Self::#consts),*];
    });
    tr.into_token_stream()
}
