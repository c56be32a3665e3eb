//! Any bytes into `pagepith::extract`: it must not panic, and a document it
//! returns must keep the contract's promises (serializable to one JSON line,
//! no NUL, only http(s) URLs of at most 8 KiB). Slowness is caught by
//! libFuzzer's `-timeout`; the time budget is off so that it cannot hide it.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = pagepith::Options {
        timeout: None,
        ..pagepith::Options::default()
    };
    let Ok(doc) = pagepith::extract(data, &options) else {
        return;
    };
    let line = serde_json::to_string(&doc).expect("a document serializes");
    assert!(!line.contains('\n') && !line.contains("\\u0000"), "{line}");
    let urls = doc
        .url
        .iter()
        .chain(&doc.image)
        .chain(doc.related_links.iter().map(|l| &l.url))
        .chain(doc.captions.iter().filter_map(|c| c.image.as_ref()));
    for url in urls {
        assert!(
            (url.starts_with("http://") || url.starts_with("https://")) && url.len() <= 8192,
            "unsafe URL {url:?}"
        );
    }
});
