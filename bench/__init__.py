"""Benchmarks for issue 5 ("Fast at any size"): `python -m bench [--quick]`; see bench/run.py.

Kept import-free: child processes run `python -m bench.app_child`, which imports this package.
"""
