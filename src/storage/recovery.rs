//! Recovery copies of open plans and crash reports (filled in below).
