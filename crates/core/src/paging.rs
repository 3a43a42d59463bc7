use crate::ParseError;

/// The page of a list a client asked for: 1-based page number and page size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    page: u32,
    per_page: u32,
}

impl PageRequest {
    /// The largest page a client may ask for.
    pub const MAX_PER_PAGE: u32 = 500;
    pub const DEFAULT_PER_PAGE: u32 = 50;

    /// Parses the `page` and `per_page` query parameters; each error says which one was wrong.
    pub fn parse(page: Option<&str>, per_page: Option<&str>) -> Result<Self, (&'static str, ParseError)> {
        let page = match page {
            None => 1,
            Some(s) => parse_in(s, 1, 1_000_000).map_err(|e| ("page", e))?,
        };
        let per_page = match per_page {
            None => Self::DEFAULT_PER_PAGE,
            Some(s) => parse_in(s, 1, Self::MAX_PER_PAGE).map_err(|e| ("per_page", e))?,
        };
        Ok(PageRequest { page, per_page })
    }

    pub fn new(page: u32, per_page: u32) -> Self {
        PageRequest { page: page.max(1), per_page: per_page.clamp(1, Self::MAX_PER_PAGE) }
    }

    pub fn page(self) -> u32 {
        self.page
    }

    pub fn per_page(self) -> u32 {
        self.per_page
    }

    /// Rows to skip before this page.
    pub fn offset(self) -> u64 {
        u64::from(self.page - 1) * u64::from(self.per_page)
    }
}

impl Default for PageRequest {
    fn default() -> Self {
        PageRequest { page: 1, per_page: Self::DEFAULT_PER_PAGE }
    }
}

fn parse_in(s: &str, min: u32, max: u32) -> Result<u32, ParseError> {
    match s.trim().parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(ParseError::OutOfRange { min, max }),
    }
}

/// One page of a list, with the total number of matching items.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub request: PageRequest,
}

impl<T> Page<T> {
    /// The number of pages the whole list takes (at least 1, so an empty list has one empty page).
    pub fn page_count(&self) -> u64 {
        self.total.div_ceil(u64::from(self.request.per_page())).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_paging() {
        let p = PageRequest::parse(Some("3"), Some("20")).unwrap();
        assert_eq!((p.page(), p.per_page(), p.offset()), (3, 20, 40));
        assert_eq!(PageRequest::parse(None, None).unwrap(), PageRequest::default());
        assert_eq!(PageRequest::parse(None, Some("abc")).unwrap_err().0, "per_page");
        assert_eq!(PageRequest::parse(None, Some("501")).unwrap_err().0, "per_page");
        assert_eq!(PageRequest::parse(None, Some("0")).unwrap_err().0, "per_page");
        assert_eq!(PageRequest::parse(Some("0"), None).unwrap_err().0, "page");
        assert_eq!(PageRequest::parse(Some("-1"), None).unwrap_err().0, "page");
    }

    #[test]
    fn counts_pages() {
        let page = |total| Page::<()> { items: vec![], total, request: PageRequest::new(1, 20) };
        assert_eq!(page(0).page_count(), 1);
        assert_eq!(page(20).page_count(), 1);
        assert_eq!(page(21).page_count(), 2);
    }
}
