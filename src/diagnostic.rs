//! `miette::Diagnostic` for [`ApiError`] and [`AnyApiError`] (feature `miette`): the code as
//! `<provider>::<code>`, the remedy (else the description) as help, and the catalogue's
//! source as the link.

use std::fmt::Display;

use miette::Diagnostic;

use crate::{
    any_code::AnyCode,
    lang::Lang,
    provider::Provider,
    provider_error::ProviderError,
    response::{AnyApiError, ApiError},
};

fn code_of(provider: Provider, code_str: Option<&str>) -> Option<Box<dyn Display + 'static>> {
    Some(Box::new(format!("{provider}::{}", code_str?)))
}

fn help_of(known: Option<AnyCode>) -> Option<Box<dyn Display + 'static>> {
    let known = known?;
    Some(Box::new(known.remedy(Lang::En).unwrap_or(known.description(Lang::En))))
}

fn url_of(known: Option<AnyCode>) -> Option<Box<dyn Display + 'static>> {
    Some(Box::new(known?.source_url()?))
}

impl<E: ProviderError> Diagnostic for ApiError<E> {
    fn code<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        code_of(E::PROVIDER, self.code_str())
    }

    fn help<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        help_of(self.code().map(AnyCode::from))
    }

    fn url<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        url_of(self.code().map(AnyCode::from))
    }
}

impl Diagnostic for AnyApiError {
    fn code<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        code_of(self.provider(), self.code_str())
    }

    fn help<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        help_of(self.code())
    }

    fn url<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        url_of(self.code())
    }
}
