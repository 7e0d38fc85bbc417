//! The `Retry-After` header: a delay in seconds, or an HTTP date.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The delay of a `Retry-After` value in `delta-seconds` form (a value too large for `u64` is
/// still a very long delay); `None` for anything else.
pub(crate) fn delay(value: &str) -> Option<Duration> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)))
}

/// Parses the three date formats HTTP recipients must accept (RFC 9110, section 5.6.7):
/// `Sun, 06 Nov 1994 08:49:37 GMT`, `Sunday, 06-Nov-94 08:49:37 GMT` and
/// `Sun Nov  6 08:49:37 1994`. The weekday is not checked.
pub(crate) fn parse(value: &str) -> Option<SystemTime> {
    let words: Vec<&str> = value.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let (day, month, year, time) = match words.as_slice() {
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        [_, day, month, year, time, "GMT"] => (*day, *month, digits(year, 4..=4)?, *time),
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        [_, date, time, "GMT"] => {
            let mut parts = date.split('-');
            let (day, month, year) = (parts.next()?, parts.next()?, digits(parts.next()?, 2..=2)?);
            // Two-digit years: the RFC says a year more than 50 years ahead is in the past.
            (day, month, if year < 70 { 2000 + year } else { 1900 + year }, *time)
        }
        // asctime: Sun Nov  6 08:49:37 1994
        [_, month, day, time, year] => (*day, *month, digits(year, 4..=4)?, *time),
        _ => return None,
    };
    let day = digits(day, 1..=2)?;
    let month = MONTHS.iter().position(|m| *m == month)? as i64 + 1;
    let mut clock = time.split(':').map(|part| digits(part, 2..=2));
    let (h, m, s) = (clock.next()??, clock.next()??, clock.next()??);
    if clock.next().is_some() || h > 23 || m > 59 || s > 60 || !(1900..=9999).contains(&year) {
        return None;
    }
    // No 31 February: the day exists in that month of that year.
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let seconds = days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + s;
    Some(UNIX_EPOCH + Duration::from_secs(u64::try_from(seconds).ok()?))
}

/// A field of `len` ASCII digits (no sign, no space) as a number.
fn digits(text: &str, len: std::ops::RangeInclusive<usize>) -> Option<i64> {
    (len.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

/// The days of a month of the proleptic Gregorian calendar.
fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar (Howard
/// Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(value: &str) -> Option<u64> {
        parse(value).map(|t| t.duration_since(UNIX_EPOCH).unwrap().as_secs())
    }

    #[test]
    fn the_three_formats_agree() {
        // RFC 9110's own example date.
        assert_eq!(secs("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777));
        assert_eq!(secs("Sunday, 06-Nov-94 08:49:37 GMT"), Some(784_111_777));
        assert_eq!(secs("Sun Nov  6 08:49:37 1994"), Some(784_111_777));
        assert_eq!(secs("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(secs("Tue, 29 Feb 2028 23:59:59 GMT"), Some(1_835_481_599));
        assert_eq!(secs("Tue, 29 Feb 2000 00:00:00 GMT"), Some(951_782_400));
        assert_eq!(secs("Sat, 31 Dec 2099 23:59:60 GMT"), Some(4_102_444_800));
    }

    #[test]
    fn bad_dates_are_rejected() {
        for bad in [
            "",
            "soon",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            // R11 (2026-11-26): negative clock fields and days a month does not have.
            "Thu, 01 Jan 2099 -1:-1:-1 GMT",
            "Thu, 01 Jan 2099 +1:00:00 GMT",
            "Sat, 31 Feb 2026 00:00:00 GMT",
            "Thu, 29 Feb 2100 00:00:00 GMT",
            "Sun, 31 Apr 2026 00:00:00 GMT",
            "Sun, 00 Apr 2026 00:00:00 GMT",
            "Sun, 06 Nov -994 08:49:37 GMT",
            "Sunday, 31-Jun-26 08:49:37 GMT",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn delays_are_whole_seconds() {
        assert_eq!(delay("120"), Some(Duration::from_secs(120)));
        assert_eq!(delay(" 0 "), Some(Duration::ZERO));
        assert_eq!(delay("99999999999999999999999"), Some(Duration::from_secs(u64::MAX)));
        for bad in ["-5", "1.5", "", "Sun, 06 Nov 1994 08:49:37 GMT"] {
            assert_eq!(delay(bad), None, "{bad:?}");
        }
    }
}
