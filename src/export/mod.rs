//! Markdown (with Mermaid) export of a plan.
