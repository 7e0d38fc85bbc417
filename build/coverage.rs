//! The coverage table: how many entries each provider's catalogue has per API surface, in
//! Markdown, for the crate docs (`OUT_DIR/coverage.md`) and the README (checked by
//! `tests/generated.rs`).

use std::fmt::Write;

use crate::catalog::{Catalog, Spec};

/// One row per provider and surface, then the total.
pub fn emit(catalogs: &[(&Spec, Catalog)]) -> String {
    let mut out = String::from("| provider | surface | entries | what it is |\n|---|---|---:|---|\n");
    let mut total = 0;
    for (spec, catalog) in catalogs {
        for surface in &catalog.surfaces {
            let count = catalog.codes.iter().filter(|e| e.surface == surface.id).count();
            total += count;
            writeln!(out, "| `{}` | `{}` | {count} | {} |", spec.type_name, surface.id, surface.about).unwrap();
        }
    }
    writeln!(out, "| | | **{total}** | every entry of the four catalogues |").unwrap();
    out
}
