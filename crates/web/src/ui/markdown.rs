//! Markdown written by people (a project's description), turned into HTML that is safe to put in a
//! page as it is.
//!
//! The text comes from members' profiles and from imported files, so nothing in it is trusted:
//!
//! - raw HTML, block or inline, is shown as text, escaped, never passed through;
//! - a link keeps its address only when that is `http:`, `https:`, `mailto:` or relative (a path,
//!   a query or a fragment); any other (`javascript:`, `data:`, `vbscript:`, `//other.host`) loses
//!   its link and keeps its text;
//! - an image becomes a link to it, never an `<img>`, so a description cannot load anything from
//!   elsewhere (no tracking pixels, no mixed content);
//! - headings move so that the description's highest becomes [`TOP_HEADING`] (`h3`), below the
//!   page's one `h1` and the `h2` of the section the description sits in, the others following
//!   without a level skipped (`##` and `###` become `h3` and `h4`);
//! - nothing gets a `style` or `class` attribute (table alignment and code-block languages are
//!   dropped), which the Content-Security-Policy would refuse anyway.
//!
//! Text, code and addresses are escaped by pulldown-cmark's HTML writer.

use pulldown_cmark::{
    html, Alignment, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

/// The level of a description's highest heading: under the page's `h1` title and the `h2` of the
/// section the description sits in.
pub const TOP_HEADING: usize = 3;

const LEVELS: [HeadingLevel; 6] =
    [HeadingLevel::H1, HeadingLevel::H2, HeadingLevel::H3, HeadingLevel::H4, HeadingLevel::H5, HeadingLevel::H6];

/// The HTML of `markdown`, safe to embed unescaped.
pub fn to_html(markdown: &str) -> String {
    let parsed: Vec<Event<'_>> =
        Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).collect();
    let highest = parsed
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(depth(*level)),
            _ => None,
        })
        .min()
        .unwrap_or(TOP_HEADING);
    let mut events: Vec<Event<'_>> = Vec::new();
    // The links and images open at this point, innermost last.
    let mut open: Vec<Open<'_>> = Vec::new();
    for event in parsed {
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            // The escaped text of an HTML block reads as a paragraph.
            Event::Start(Tag::HtmlBlock) => events.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => events.push(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let kept = safe_destination(link_type, &dest_url).filter(|_| !open.iter().any(|o| o.kept));
                open.push(Open { kept: kept.is_some(), from: events.len(), dest: dest_url });
                if let Some(dest) = kept {
                    events.push(Event::Start(Tag::Link { link_type, dest_url: dest.into(), title, id }));
                }
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                // A link inside a link is not HTML: within one, an image is only its description.
                let kept = safe_destination(link_type, &dest_url).filter(|_| !open.iter().any(|o| o.kept));
                open.push(Open { kept: kept.is_some(), from: events.len(), dest: dest_url });
                if let Some(dest) = kept {
                    events.push(Event::Start(Tag::Link { link_type, dest_url: dest.into(), title, id }));
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(o) = open.pop().filter(|o| o.kept) {
                    // An image without a description would be an empty link: name it by its address.
                    if events.len() == o.from + 1 {
                        events.push(Event::Text(o.dest));
                    }
                    events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => events.push(Event::Start(Tag::Heading {
                level: moved(level, highest),
                id: None,
                classes: vec![],
                attrs: vec![],
            })),
            Event::End(TagEnd::Heading(level)) => events.push(Event::End(TagEnd::Heading(moved(level, highest)))),
            Event::Start(Tag::Table(alignments)) => {
                events.push(Event::Start(Tag::Table(vec![Alignment::None; alignments.len()])))
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                events.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(CowStr::Borrowed("")))))
            }
            other => events.push(other),
        }
    }
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// A link or image being read: whether it stays a link, where its events start, and its address.
struct Open<'a> {
    kept: bool,
    from: usize,
    dest: CowStr<'a>,
}

/// 1 for `h1` to 6 for `h6`.
fn depth(level: HeadingLevel) -> usize {
    LEVELS.iter().position(|l| *l == level).unwrap_or(0) + 1
}

/// `level` moved so that `highest` becomes [`TOP_HEADING`], at most to `h6`.
fn moved(level: HeadingLevel, highest: usize) -> HeadingLevel {
    let depth = (depth(level) + TOP_HEADING).saturating_sub(highest).clamp(1, LEVELS.len());
    LEVELS[depth - 1]
}

/// The address a link may keep, cleaned as a browser would read it, or `None` when it must go.
fn safe_destination(link_type: LinkType, dest: &str) -> Option<String> {
    // Browsers drop tabs and line breaks anywhere in an address, and control characters and
    // spaces at its ends: `java\tscript:` is `javascript:` to them, so it must be to us.
    let joined: String = dest.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let cleaned = joined.trim_matches(|c: char| c <= ' ');
    if cleaned.chars().any(char::is_control) {
        return None;
    }
    // `<someone@example.org>`: the writer puts `mailto:` before the address itself.
    if link_type == LinkType::Email {
        return Some(cleaned.to_owned());
    }
    let allowed = match scheme(cleaned) {
        Some(s) => ["http", "https", "mailto"].iter().any(|a| s.eq_ignore_ascii_case(a)),
        // A relative address, unless it names another host (`//host`, and `\` reads as `/`).
        None => !matches!(cleaned.as_bytes(), [b'/' | b'\\', b'/' | b'\\', ..]),
    };
    allowed.then(|| cleaned.to_owned())
}

/// The scheme of an address, as the URL standard reads it: a letter, then letters, digits, `+`,
/// `-` or `.`, up to the first `:`.
fn scheme(url: &str) -> Option<&str> {
    let candidate = &url[..url.find(':')?];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_escaped() {
        for input in [
            "<script>alert(1)</script>",
            "Text <script>alert(1)</script> inline",
            "<div>\n<script>alert(1)</script>\n</div>",
            "- item <img src=x onerror=alert(1)>",
            "> <iframe src=\"https://evil.example\"></iframe>",
            "<!-- <script>alert(1)</script> -->",
        ] {
            let html = to_html(input);
            for tag in ["<script", "<img", "<iframe", "<div", "<!--"] {
                assert!(!html.contains(tag), "{input:?} gave {html:?}");
            }
        }
        assert_eq!(to_html("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
        assert!(to_html("a <b onclick=x>b</b>").contains("&lt;b onclick=x&gt;b&lt;/b&gt;"));
    }

    #[test]
    fn only_safe_addresses_stay_links() {
        for bad in [
            "[click](javascript:alert(1))",
            "[click](JavaScript:alert(1))",
            "[click](java&#x09;script:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](<java\tscript:alert(1)>)",
            "[click](data:text/html;base64,PHNjcmlwdD4=)",
            "[click](vbscript:msgbox)",
            "[click](//evil.example/x)",
            // Markdown unescapes `\\` to one backslash, which a browser reads as a slash.
            "[click](\\\\\\\\evil.example/x)",
            "[click](/\\\\evil.example/x)",
            "<javascript:alert(1)>",
            "[click][ref]\n\n[ref]: javascript:alert(1)",
        ] {
            let html = to_html(bad);
            assert!(!html.contains("<a"), "{bad:?} gave {html:?}");
            assert!(html.contains("click") || html.contains("javascript:alert(1)"), "{bad:?} lost its text: {html:?}");
        }
        let html = to_html("[GFCE](https://thegfce.org/) [mail](mailto:info@example.org) [here](#part) [up](../x?a=1)");
        for href in ["https://thegfce.org/", "mailto:info@example.org", "#part", "../x?a=1"] {
            assert!(html.contains(&format!("href=\"{href}\"")), "{href} missing in {html:?}");
        }
        assert!(to_html("<info@example.org>").contains("href=\"mailto:info@example.org\""));
        assert!(to_html("<https://thegfce.org>").contains("<a href=\"https://thegfce.org\">https://thegfce.org</a>"));
        // Quotes cannot break out of the attribute.
        assert!(!to_html("[x](https://a.example/\"onmouseover=\"alert(1))").contains("\"onmouseover"));
    }

    #[test]
    fn images_become_links() {
        let html = to_html("![A chart](https://example.org/chart.png)");
        assert_eq!(html, "<p><a href=\"https://example.org/chart.png\">A chart</a></p>\n");
        assert!(!to_html("![](https://example.org/pixel.gif)").contains("<img"));
        assert!(to_html("![](https://example.org/pixel.gif)").contains(">https://example.org/pixel.gif</a>"));
        let unsafe_image = to_html("![pic](javascript:alert(1))");
        assert_eq!(unsafe_image, "<p>pic</p>\n");
        // Within a link, an image is only its description: no link inside a link.
        let nested = to_html("[![logo](https://example.org/logo.png)](https://example.org/)");
        assert_eq!(nested, "<p><a href=\"https://example.org/\">logo</a></p>\n");
    }

    #[test]
    fn headings_fit_under_the_page_headings() {
        assert_eq!(to_html("# One"), "<h3>One</h3>\n");
        assert_eq!(to_html("# One\n## Two\n#### Four"), "<h3>One</h3>\n<h4>Two</h4>\n<h6>Four</h6>\n");
        // The highest heading becomes h3 whatever its level, so no level is skipped.
        assert_eq!(to_html("## Two\n### Three"), "<h3>Two</h3>\n<h4>Three</h4>\n");
        assert_eq!(to_html("#### Four\n###### Six"), "<h3>Four</h3>\n<h5>Six</h5>\n");
        let all = to_html("# 1\n## 2\n### 3\n#### 4\n##### 5");
        assert_eq!(all, "<h3>1</h3>\n<h4>2</h4>\n<h5>3</h5>\n<h6>4</h6>\n<h6>5</h6>\n");
        assert!(!to_html("Title\n=====\n\nText").contains("<h1"));
    }

    #[test]
    fn ordinary_markdown_renders() {
        let html = to_html("Some *emphasis*, **strong** and `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n[GFCE](https://thegfce.org)");
        for part in [
            "<em>emphasis</em>",
            "<strong>strong</strong>",
            "<code>code</code>",
            "<ul>\n<li>one</li>\n<li>two</li>\n</ul>",
            "<ol>\n<li>first</li>\n<li>second</li>\n</ol>",
            "<a href=\"https://thegfce.org\">GFCE</a>",
        ] {
            assert!(html.contains(part), "{part} missing in {html:?}");
        }
        assert_eq!(to_html("Việt Nam & <b>"), "<p>Việt Nam &amp; &lt;b&gt;</p>\n");
    }

    #[test]
    fn nothing_gets_a_style_or_class() {
        let html = to_html("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n```js\nx\n```");
        assert!(html.contains("<table>") && html.contains("<td>1</td>"), "{html:?}");
        assert!(!html.contains("style=") && !html.contains("class="), "{html:?}");
    }
}
