//! The 90-day roadmap: suggestion, capacity, cost and savings per phase.
