//! The words, class/id patterns, weights and thresholds pith decides with.
