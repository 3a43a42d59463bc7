//! A small builder for queries whose filters vary: it numbers the `$n` placeholders and keeps
//! the values to bind in the same order.

use sqlx::{any::AnyArguments, Arguments};

/// A value bound to a placeholder.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    Text(String),
    Int(i64),
}

#[derive(Debug, Default)]
pub(crate) struct Conditions {
    clauses: Vec<String>,
    values: Vec<Value>,
}

impl Conditions {
    /// Adds a value and returns its placeholder.
    pub(crate) fn bind(&mut self, value: Value) -> String {
        self.values.push(value);
        format!("${}", self.values.len())
    }

    /// Adds a clause written with placeholders returned by [`Conditions::bind`].
    pub(crate) fn push(&mut self, clause: String) {
        self.clauses.push(clause);
    }

    /// `WHERE a AND b …`, or nothing.
    pub(crate) fn where_clause(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    pub(crate) fn arguments(&self) -> AnyArguments<'static> {
        let mut args = AnyArguments::default();
        for value in &self.values {
            // Adding a string or an integer to Any arguments cannot fail.
            let added = match value {
                Value::Text(s) => args.add(s.clone()),
                Value::Int(i) => args.add(*i),
            };
            added.expect("binding a text or integer");
        }
        args
    }
}

/// Escapes `%`, `_` and `\` so that user text matches literally inside `LIKE … ESCAPE '\'`.
pub(crate) fn like_contains(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_placeholders_in_order() {
        let mut c = Conditions::default();
        let a = c.bind(Value::Text("x".into()));
        let b = c.bind(Value::Int(1));
        c.push(format!("a = {a}"));
        c.push(format!("b = {b}"));
        assert_eq!(c.where_clause(), "WHERE a = $1 AND b = $2");
        assert_eq!(Conditions::default().where_clause(), "");
    }

    #[test]
    fn escapes_like_patterns() {
        assert_eq!(like_contains("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
