//! Times `whosaid import` of BRAT pairs into a fresh temporary folder and prints
//! the figures. PolNeAR is never committed: point it at a local copy.
//!
//! cargo run --release --example bench_import -- TEXTS_DIR ANN_DIR
//! (default: /work/polnear/data/train/text /work/polnear/data/train/attributions)

use std::path::PathBuf;
use std::time::Instant;

use whosaid::import::{self, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let texts = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "/work/polnear/data/train/text".into()),
    );
    let anns = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "/work/polnear/data/train/attributions".into()),
    );
    let into = tempfile::tempdir()?;
    let options = Options {
        into: into.path().to_path_buf(),
        texts: Some(texts),
        full_text: false,
        resolve_actors: false,
    };
    let started = Instant::now();
    let jobs = import::plan(&[anns], &options)?;
    let report = import::run(&jobs, &options, &mut |_, _| {});
    let elapsed = started.elapsed();
    println!(
        "{} annotation files: {} in {:.0} ms ({:.2} ms per file written)",
        jobs.len(),
        report.summary(),
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e3 / report.imported.len().max(1) as f64
    );
    let started = Instant::now();
    let corpus = whosaid::Corpus::load(&[into.path().to_path_buf()])?;
    println!(
        "loaded back: {} articles, {} rejected, in {:.0} ms",
        corpus.articles().len(),
        corpus.rejected().count(),
        started.elapsed().as_secs_f64() * 1e3
    );
    Ok(())
}
