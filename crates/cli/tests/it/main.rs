//! Integration tests: the real server on a free loopback port, with a real SQLite file in a
//! temporary directory, and — for the `postgres` variant of every test — a fresh database on the
//! PostgreSQL server named by `GFCE_TEST_POSTGRES_URL` (run those with `--ignored`).

mod common;
mod curation;

mod accounts;
mod api;
mod applications;
mod cli;
mod concurrency;
mod contract;
mod curation_forms;
mod feeds;
mod follow;
mod import;
mod knowledge;
mod matrix;
mod open_data;
mod ops;
mod overlaps;
mod page_cache;
mod pages;
mod probes;
mod search;
mod second_factor;
mod store;
mod throttle;
mod timestamps;
mod tokens;
mod wire;
