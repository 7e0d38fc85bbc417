//! `list`: a provider's whole catalogue as a table.

use cloud_errcodes::{AnyCode, Provider};
use serde_json::json;

use crate::{Outcome, Output, info, print_json, shown};

pub fn list(provider: Provider, surface: Option<&str>, output: Output) -> Result<Outcome, String> {
    let surfaces = provider.surfaces();
    if let Some(surface) = surface.filter(|s| !surfaces.contains(s)) {
        return Err(format!("{provider} has no surface `{}` (it has {})", shown(surface), surfaces.join(", ")));
    }
    let entries: Vec<AnyCode> = provider.entries().filter(|e| surface.is_none_or(|s| e.surface() == s)).collect();
    if output.json {
        print_json(&json!({
            "provider": provider.as_str(),
            "entries": entries.iter().map(|&e| info::to_json(e, output.lang)).collect::<Vec<_>>(),
        }));
        return Ok(Outcome::Found);
    }
    let rows: Vec<[String; 5]> = entries
        .iter()
        .map(|e| {
            [
                e.code_str().to_owned(),
                e.http_status().as_u16().to_string(),
                e.kind().as_str().to_owned(),
                e.retry().to_string(),
                e.wire_message().unwrap_or(e.summary()).to_owned(),
            ]
        })
        .collect();
    let header = ["CODE", "STATUS", "KIND", "RETRY", "MESSAGE"].map(str::to_owned);
    let widths: Vec<usize> =
        (0..4).map(|col| rows.iter().chain([&header]).map(|row| row[col].chars().count()).max().unwrap_or(0)).collect();
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = (0..4).map(|col| format!("{:<width$}", row[col], width = widths[col])).collect();
        out!("{}  {}", cells.join("  "), row[4]);
    }
    Ok(Outcome::Found)
}
