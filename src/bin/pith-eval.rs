//! `pith-eval`: pith's accuracy on the scrapinghub article-extraction benchmark.

#[path = "pith-eval/metric.rs"]
mod metric;

fn main() {}
