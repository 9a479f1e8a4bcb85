"""行政执法: bodies, officers and certificates, penalty cases under the three systems, discretion benchmarks."""
