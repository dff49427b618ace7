"""Benchmark helpers: bulk demo content (``bench.generate``) and render timings
(``bench.render``)."""
