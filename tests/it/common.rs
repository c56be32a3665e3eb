//! Helpers the integration-test modules share: running `pith`, with a time
//! limit where a hang is the failure to catch, and generating inputs.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The `pith` binary, run from `dir`.
pub fn pith(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pith"));
    cmd.current_dir(dir);
    cmd
}

/// Runs `cmd`, failing the test instead of hanging if it takes over `limit`.
pub fn run_within(cmd: &mut Command, limit: Duration) -> Output {
    let out = tempfile::NamedTempFile::new().expect("temp file");
    let err = tempfile::NamedTempFile::new().expect("temp file");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(out.reopen().expect("reopen"))
        .stderr(err.reopen().expect("reopen"))
        .spawn()
        .expect("spawn pith");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll pith") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("pith did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: fs::read(out.path()).expect("read stdout"),
        stderr: fs::read(err.path()).expect("read stderr"),
    }
}

/// `bytes` gzip-compressed, as a `.gz` page or WARC member would be.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

/// Bytes from a linear congruential generator (Numerical Recipes constants).
pub fn random_bytes(len: usize, mut seed: u32) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (seed >> 24) as u8
        })
        .collect()
}
