use unicode_normalization::UnicodeNormalization;

/// Folds text for matching and sorting: lower-case, Vietnamese (and other Latin) diacritics
/// removed, đ/Đ turned into d, runs of whitespace collapsed.
///
/// "Việt Nam", "VIET NAM" and "viet nam" all fold to "viet nam", so a person who types without
/// accents finds the accented name and the reverse.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for c in input.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            // đ and Đ are letters of their own, not d with a combining mark, so NFD keeps them.
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Việt Nam"), "viet nam");
        assert_eq!(fold("ĐỨC"), "duc");
        assert_eq!(fold("Thụy Điển"), "thuy dien");
        assert_eq!(fold("Ấn Độ"), "an do");
        assert_eq!(fold("  Hà   Lan "), "ha lan");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold(""), "");
    }
}
