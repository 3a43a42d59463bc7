//! The second factor: time-based one-time codes (RFC 6238) and single-use recovery codes.
//!
//! The codes are those every authenticator app makes: HMAC-SHA-1 over 30-second time steps,
//! 6 digits, from a secret of 160 random bits written in base32 (RFC 4648, no padding). A code
//! is accepted for the step before and the step after the current one, for clocks that differ
//! and for the time it takes to type it; and a step is accepted only once and only after the last
//! one accepted, so a code seen over someone's shoulder or in a proxy's log cannot be used again.
//!
//! Recovery codes stand in for the app when the device is lost: ten of them, each 50 random bits
//! written as ten characters of Crockford's base32 (no `i`, `l`, `o`, `u` to misread), shown once.
//!
//! Nothing here draws random numbers or reads the clock: callers pass both in.

use std::fmt;

use totp_rs::{Algorithm, Secret, TOTP};

use crate::ParseError;

/// The length of a time step, in seconds.
pub const STEP_SECONDS: i64 = 30;
/// How many steps before and after the current one are accepted.
pub const SKEW_STEPS: i64 = 1;
/// The digits of a code.
pub const CODE_DIGITS: usize = 6;

/// The time step a moment falls in, from its Unix time in seconds.
pub fn time_step(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The secret an authenticator app shares with the site. It never appears in `Debug` output.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret(Vec<u8>);

impl TotpSecret {
    /// 160 bits, as RFC 4226 recommends for HMAC-SHA-1.
    pub const BYTES: usize = 20;

    /// A secret from random bytes the caller drew.
    pub fn from_bytes(bytes: [u8; Self::BYTES]) -> Self {
        TotpSecret(bytes.to_vec())
    }

    /// Reads a secret written in base32, as it is stored (upper or lower case, spaces ignored).
    pub fn parse(base32: &str) -> Result<Self, ParseError> {
        let text: String = base32.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        let bytes = Secret::Encoded(text).to_bytes().map_err(|_| ParseError::NotAllowed)?;
        if bytes.len() != Self::BYTES {
            return Err(ParseError::NotAllowed);
        }
        Ok(TotpSecret(bytes))
    }

    /// The secret in base32 without padding: how it is stored and put into the QR code.
    pub fn to_base32(&self) -> String {
        self.totp().get_secret_base32()
    }

    /// The secret in groups of four characters, for a person to type into an app.
    pub fn to_base32_grouped(&self) -> String {
        let text = self.to_base32();
        let groups: Vec<&str> =
            text.as_bytes().chunks(4).map(|g| std::str::from_utf8(g).expect("base32 is ASCII")).collect();
        groups.join(" ")
    }

    fn totp(&self) -> TOTP {
        TOTP::new_unchecked(Algorithm::SHA1, CODE_DIGITS, SKEW_STEPS as u8, STEP_SECONDS as u64, self.0.clone())
    }

    /// The code of a time step.
    pub fn code_at_step(&self, step: i64) -> String {
        self.totp().generate((step.max(0) * STEP_SECONDS) as u64)
    }

    /// The step whose code `code` is, among the steps accepted at `unix_seconds`, if it comes after
    /// `last_used` (the last step accepted for this secret). The caller must record the step it
    /// gets so that the same code is refused next time.
    pub fn accepted_step(&self, code: &OneTimeCode, unix_seconds: i64, last_used: Option<i64>) -> Option<i64> {
        let now = time_step(unix_seconds);
        // Every candidate is computed and compared, so the time taken does not say which matched.
        let mut found = None;
        for step in (now - SKEW_STEPS..=now + SKEW_STEPS).filter(|s| *s >= 0) {
            if constant_time_eq(self.code_at_step(step).as_bytes(), code.0.as_bytes()) {
                found = Some(step);
            }
        }
        found.filter(|step| last_used.is_none_or(|last| *step > last))
    }

    /// The `otpauth://` address an authenticator app reads from the QR code.
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> String {
        let label = format!("{}:{}", percent_encode(issuer), percent_encode(account));
        format!(
            "otpauth://totp/{label}?secret={}&issuer={}&algorithm=SHA1&digits={CODE_DIGITS}&period={STEP_SECONDS}",
            self.to_base32(),
            percent_encode(issuer)
        )
    }
}

impl fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpSecret(***)")
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Every byte but RFC 3986's unreserved characters as `%XX`, for the label and issuer.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A code typed from an authenticator app: six digits (spaces between them are dropped, as some
/// apps show `123 456`).
#[derive(Clone, PartialEq, Eq)]
pub struct OneTimeCode(String);

impl OneTimeCode {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() {
            return Err(ParseError::Empty);
        }
        if digits.len() != CODE_DIGITS || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseError::OneTimeCode);
        }
        Ok(OneTimeCode(digits))
    }
}

impl fmt::Debug for OneTimeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OneTimeCode(***)")
    }
}

/// Crockford's base32 alphabet: 32 symbols, so a random byte modulo 32 picks one without bias.
const RECOVERY_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// A single-use recovery code, in the form it is compared and stored in (its digest, by the
/// caller): ten lower-case characters of [`RECOVERY_ALPHABET`].
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode(String);

impl RecoveryCode {
    pub const LEN: usize = 10;
    /// How many are made at once.
    pub const COUNT: usize = 10;

    /// A code from random bytes the caller drew.
    pub fn from_bytes(bytes: [u8; Self::LEN]) -> Self {
        RecoveryCode(bytes.iter().map(|b| char::from(RECOVERY_ALPHABET[usize::from(b % 32)])).collect())
    }

    /// Reads a code as a person types it: any case, with or without the hyphen and spaces, and
    /// with `o` for zero and `i` or `l` for one, as Crockford's base32 allows.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let mut code = String::with_capacity(Self::LEN);
        for c in input.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let c = match c.to_ascii_lowercase() {
                'o' => '0',
                'i' | 'l' => '1',
                other => other,
            };
            if !c.is_ascii() || !RECOVERY_ALPHABET.contains(&(c as u8)) {
                return Err(ParseError::RecoveryCode);
            }
            code.push(c);
        }
        match code.len() {
            0 => Err(ParseError::Empty),
            Self::LEN => Ok(RecoveryCode(code)),
            _ => Err(ParseError::RecoveryCode),
        }
    }

    /// The code in its stored form, to be digested.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The code as shown to a person: two groups of five.
    pub fn display(&self) -> String {
        format!("{}-{}", &self.0[..5], &self.0[5..])
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode(***)")
    }
}

/// What a person may type to prove the second factor where either kind is taken: six digits are
/// a code from the app, anything else is read as a recovery code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecondFactorCode {
    App(OneTimeCode),
    Recovery(RecoveryCode),
}

impl SecondFactorCode {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(ParseError::Empty);
        }
        if compact.bytes().all(|b| b.is_ascii_digit()) && compact.len() <= CODE_DIGITS {
            return OneTimeCode::parse(&compact).map(SecondFactorCode::App);
        }
        RecoveryCode::parse(input).map(SecondFactorCode::Recovery).map_err(|_| ParseError::SecondFactorCode)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The secret of RFC 6238's test vectors for HMAC-SHA-1: the ASCII digits 1 to 0, twice.
    fn rfc_secret() -> TotpSecret {
        TotpSecret::from_bytes(*b"12345678901234567890")
    }

    fn code(s: &str) -> OneTimeCode {
        OneTimeCode::parse(s).unwrap()
    }

    #[test]
    fn codes_match_the_rfc_6238_test_vectors() {
        // Appendix B gives eight digits; a six-digit code is the same number modulo 10^6.
        let secret = rfc_secret();
        for (time, expected) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
            (20_000_000_000, "353130"),
        ] {
            assert_eq!(secret.code_at_step(time_step(time)), expected, "at {time}");
        }
    }

    #[test]
    fn codes_are_accepted_one_step_either_side() {
        let secret = rfc_secret();
        let now = 1_111_111_111;
        let step = time_step(now);
        for offset in [-1, 0, 1] {
            let c = code(&secret.code_at_step(step + offset));
            assert_eq!(secret.accepted_step(&c, now, None), Some(step + offset), "offset {offset}");
        }
        for offset in [-3, -2, 2, 3] {
            let c = code(&secret.code_at_step(step + offset));
            assert_eq!(secret.accepted_step(&c, now, None), None, "offset {offset} is too far");
        }
        // Thirty seconds later the window has moved by one step.
        let old = code(&secret.code_at_step(step - 1));
        assert_eq!(secret.accepted_step(&old, now + STEP_SECONDS, None), None);
        let other = TotpSecret::from_bytes([7; 20]);
        assert_eq!(other.accepted_step(&code(&secret.code_at_step(step)), now, None), None, "another secret");
    }

    #[test]
    fn a_step_is_accepted_once_and_only_after_the_last() {
        let secret = rfc_secret();
        let now = 2_000_000_000;
        let step = time_step(now);
        let current = code(&secret.code_at_step(step));
        assert_eq!(secret.accepted_step(&current, now, Some(step - 1)), Some(step));
        assert_eq!(secret.accepted_step(&current, now, Some(step)), None, "the same code again");
        let earlier = code(&secret.code_at_step(step - 1));
        assert_eq!(secret.accepted_step(&earlier, now, Some(step)), None, "an older code after a newer one");
        let later = code(&secret.code_at_step(step + 1));
        assert_eq!(secret.accepted_step(&later, now, Some(step)), Some(step + 1));
    }

    #[test]
    fn secrets_are_base32_without_padding() {
        let secret = rfc_secret();
        assert_eq!(secret.to_base32(), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(secret.to_base32_grouped(), "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
        assert_eq!(TotpSecret::parse("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), Ok(secret.clone()));
        assert_eq!(TotpSecret::parse("GEZDGNBV"), Err(ParseError::NotAllowed), "too short");
        assert_eq!(TotpSecret::parse("not base32 at all!"), Err(ParseError::NotAllowed));
        assert_eq!(format!("{secret:?}"), "TotpSecret(***)");
    }

    #[test]
    fn the_otpauth_address_names_the_site_and_the_account() {
        let uri = rfc_secret().otpauth_uri("GFCE Hub", "lan+gfce@mic.gov.vn");
        assert_eq!(
            uri,
            "otpauth://totp/GFCE%20Hub:lan%2Bgfce%40mic.gov.vn?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\
             &issuer=GFCE%20Hub&algorithm=SHA1&digits=6&period=30"
        );
    }

    #[test]
    fn typed_codes_are_six_digits() {
        assert_eq!(code("123 456"), code("123456"));
        assert_eq!(OneTimeCode::parse(""), Err(ParseError::Empty));
        assert_eq!(OneTimeCode::parse("   "), Err(ParseError::Empty));
        for bad in ["12345", "1234567", "12345a", "١٢٣٤٥٦", "12-456"] {
            assert_eq!(OneTimeCode::parse(bad), Err(ParseError::OneTimeCode), "{bad}");
        }
        assert_eq!(format!("{:?}", code("123456")), "OneTimeCode(***)");
    }

    #[test]
    fn recovery_codes_are_read_as_people_type_them() {
        let made = RecoveryCode::from_bytes([0, 1, 31, 32, 255, 10, 17, 18, 19, 20]);
        assert_eq!(made.expose(), "01z0zahjkm");
        assert_eq!(made.display(), "01z0z-ahjkm");
        for typed in ["01z0z-ahjkm", "01Z0Z AHJKM", "oIz0z-ahjkm", "olzOz ahjkm", " 01z0zahjkm "] {
            assert_eq!(RecoveryCode::parse(typed), Ok(made.clone()), "{typed}");
        }
        assert_eq!(RecoveryCode::parse(" - "), Err(ParseError::Empty));
        for bad in ["01z0z-ahjk", "01z0z-ahjkmm", "01z0z-ahjku", "01z0z-ahjké"] {
            assert_eq!(RecoveryCode::parse(bad), Err(ParseError::RecoveryCode), "{bad}");
        }
        assert_eq!(format!("{made:?}"), "RecoveryCode(***)");
    }

    #[test]
    fn either_kind_is_told_apart_by_its_shape() {
        assert_eq!(SecondFactorCode::parse("123 456"), Ok(SecondFactorCode::App(code("123456"))));
        assert_eq!(SecondFactorCode::parse("12345"), Err(ParseError::OneTimeCode));
        let recovery = RecoveryCode::parse("01z0z-ahjkm").unwrap();
        assert_eq!(SecondFactorCode::parse("01Z0Z-AHJKM"), Ok(SecondFactorCode::Recovery(recovery)));
        // Ten digits are a recovery code's shape too.
        assert!(matches!(SecondFactorCode::parse("0123456789"), Ok(SecondFactorCode::Recovery(_))));
        assert_eq!(SecondFactorCode::parse("not a code"), Err(ParseError::SecondFactorCode));
        assert_eq!(SecondFactorCode::parse(""), Err(ParseError::Empty));
    }

    proptest! {
        #[test]
        fn a_secret_round_trips_and_its_current_code_is_accepted_once(
            bytes in proptest::array::uniform20(any::<u8>()),
            now in 0i64..4_000_000_000,
        ) {
            let secret = TotpSecret::from_bytes(bytes);
            prop_assert_eq!(TotpSecret::parse(&secret.to_base32()).unwrap(), secret.clone());
            prop_assert_eq!(TotpSecret::parse(&secret.to_base32_grouped()).unwrap(), secret.clone());
            let current = code(&secret.code_at_step(time_step(now)));
            let step = secret.accepted_step(&current, now, None);
            prop_assert!(step.is_some());
            prop_assert_eq!(secret.accepted_step(&current, now, step), None);
        }

        #[test]
        fn recovery_codes_parse_back(bytes in proptest::array::uniform10(any::<u8>())) {
            let made = RecoveryCode::from_bytes(bytes);
            prop_assert_eq!(RecoveryCode::parse(&made.display()).unwrap(), made.clone());
            prop_assert_eq!(RecoveryCode::parse(&made.display().to_uppercase()).unwrap(), made);
        }
    }
}
