"""Benchmarks: synthetic articles, throughput and latency measurements. Not part of the installed package."""
