//! A small builder for queries whose filters vary: it numbers the `$n` placeholders and keeps
//! the values to bind in the same order.

use sqlx::{any::AnyArguments, Arguments};

/// A value bound to a placeholder.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    Text(String),
    Int(i64),
    OptText(Option<String>),
    OptInt(Option<i64>),
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}

impl From<Option<&str>> for Value {
    fn from(s: Option<&str>) -> Self {
        Value::OptText(s.map(str::to_owned))
    }
}

impl From<Option<String>> for Value {
    fn from(s: Option<String>) -> Self {
        Value::OptText(s)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl From<Option<i64>> for Value {
    fn from(i: Option<i64>) -> Self {
        Value::OptInt(i)
    }
}

#[derive(Debug, Default, Clone)]
pub(crate) struct Conditions {
    clauses: Vec<String>,
    /// The same conditions for a query that walks an index in order and tests each row: a
    /// membership is then a lookup per row (`EXISTS` on the child's primary key) rather than the
    /// set of every member gathered first.
    row_clauses: Vec<String>,
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
        self.row_clauses.push(clause.clone());
        self.clauses.push(clause);
    }

    /// Adds a clause written two ways: `gather`, which finds the matching rows through an index
    /// of the condition, and `per_row`, which tests one row cheaply (see `row_clauses`).
    pub(crate) fn push_either(&mut self, gather: String, per_row: String) {
        self.clauses.push(gather);
        self.row_clauses.push(per_row);
    }

    /// Adds `column = value`, or nothing without a value.
    pub(crate) fn equal(&mut self, column: &str, value: Option<impl Into<Value>>) {
        if let Some(value) = value {
            let p = self.bind(value.into());
            self.push(format!("{column} = {p}"));
        }
    }

    /// Whether any condition narrows the rows.
    pub(crate) fn is_filtered(&self) -> bool {
        !self.clauses.is_empty()
    }

    /// `WHERE a AND b …`, or nothing.
    pub(crate) fn where_clause(&self) -> String {
        where_of(&self.clauses)
    }

    /// The `WHERE` clause for a query that walks an index and tests each row.
    pub(crate) fn row_where_clause(&self) -> String {
        where_of(&self.row_clauses)
    }

    /// The bound values written out, which with the statement's text tells one query from
    /// another.
    pub(crate) fn key(&self) -> String {
        format!("{:?}", self.values)
    }

    pub(crate) fn arguments(&self) -> AnyArguments<'static> {
        let mut args = AnyArguments::default();
        for value in &self.values {
            // Adding a string or an integer to Any arguments cannot fail.
            let added = match value {
                Value::Text(s) => args.add(s.clone()),
                Value::Int(i) => args.add(*i),
                Value::OptText(s) => args.add(s.clone()),
                Value::OptInt(i) => args.add(*i),
            };
            added.expect("binding a text or integer");
        }
        args
    }
}

fn where_of(clauses: &[String]) -> String {
    if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    }
}

/// Binds a list of values and returns `($1, $2, …)` for an `IN` clause; an empty list gives a
/// clause that matches nothing.
pub(crate) fn in_list(c: &mut Conditions, values: impl IntoIterator<Item = Value>) -> String {
    let placeholders: Vec<String> = values.into_iter().map(|v| c.bind(v)).collect();
    if placeholders.is_empty() {
        "(NULL)".to_owned()
    } else {
        format!("({})", placeholders.join(", "))
    }
}

/// The most values one statement binds. Far under the databases' limits (SQLite 32,766,
/// PostgreSQL 65,535) on purpose: SQLite takes `$n` placeholders as named parameters, and both
/// compiling a statement and binding each value look the name up among all of the statement's
/// parameters, so a statement costs the square of its placeholders. A hundred or so keeps that
/// small while still sparing most round trips (statements of the same shape are prepared once).
const MAX_BINDS: usize = 120;

/// Inserts many rows with as few statements as the databases' limits on bound values allow; an
/// import writes its child rows this way, a statement per table rather than per row.
pub(crate) async fn insert_rows(
    conn: &mut sqlx::AnyConnection,
    head: &str,
    columns: usize,
    rows: Vec<Vec<Value>>,
    tail: &str,
) -> Result<(), sqlx::Error> {
    let per_statement = (MAX_BINDS / columns).max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let mut c = Conditions::default();
        let tuples: Vec<String> = rows
            .by_ref()
            .take(per_statement)
            .map(|row| {
                debug_assert_eq!(row.len(), columns);
                let placeholders: Vec<String> = row.into_iter().map(|v| c.bind(v)).collect();
                format!("({})", placeholders.join(", "))
            })
            .collect();
        let sql = format!("{head} VALUES {} {tail}", tuples.join(", "));
        sqlx::query_with(&sql, c.arguments()).execute(&mut *conn).await?;
    }
    Ok(())
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
