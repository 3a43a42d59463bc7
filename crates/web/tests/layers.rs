//! The web crate's layers, held to their rule: `http` ← `access` ← `ui` ← `pages`, and `http` ←
//! `access` ← `api`. A module may name only the layers before it (and itself); nothing names the
//! crate's root, so that the root is only the place where the router is put together.

use std::{fs, path::Path};

/// Each layer, and the layers its files may name with `crate::`.
const LAYERS: [(&str, &[&str]); 5] = [
    ("http", &["http"]),
    ("access", &["http", "access"]),
    ("ui", &["http", "access", "ui"]),
    ("pages", &["http", "access", "ui", "pages"]),
    ("api", &["http", "access", "api"]),
];

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The modules of the crate's root that a file names: `crate::http::…`, `crate::{access, ui}`.
fn named_roots(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The first name of each item at the group's own depth: `{access::{a, b}, http}`.
            let (mut depth, mut item_start) = (0, true);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => {
                        names.push(group[i..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            names.push(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

#[test]
fn each_layer_names_only_the_layers_before_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    for (layer, allowed) in LAYERS {
        let mut files = Vec::new();
        rust_files(&src.join(layer), &mut files);
        assert!(!files.is_empty(), "the {layer} layer has files");
        for file in files {
            let text = fs::read_to_string(&file).unwrap();
            for name in named_roots(&text) {
                assert!(
                    allowed.contains(&name.as_str()),
                    "{} names crate::{name}, which the {layer} layer may not use",
                    file.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 30, "every file was read ({checked})");
}

#[test]
fn names_are_read_from_paths_and_groups() {
    assert_eq!(named_roots("use crate::{access::Viewer, http::AppState};"), ["access", "http"]);
    assert_eq!(named_roots("use crate::{\n    access::{own_actor, Viewer},\n    ui,\n};"), ["access", "ui"]);
    assert_eq!(named_roots("crate::ui::render(x); use crate::http;"), ["ui", "http"]);
}
