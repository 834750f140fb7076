"""Cross-report checks on the whole batch: passage reuse between bodies (RE), built on
narrative passages, character shingles, MinHash LSH candidates and exact alignment."""
