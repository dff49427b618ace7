"""Hostile files fail alone: the reader runs in a child process with time and memory limits."""

import time

import pytest
from django.utils import translation

from materials.sandbox import SandboxError, run_limited


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def slow(seconds):
    time.sleep(seconds)
    return "done"


def greedy(megabytes):
    return len(bytearray(megabytes * 1024 * 1024))


def broken():
    raise ValueError("bad structure")


def test_result_comes_back():
    assert run_limited(slow, 0, seconds=5) == "done"


def test_time_limit_stops_a_reader_that_hangs():
    started = time.monotonic()
    with pytest.raises(SandboxError, match="longer than 1 s"):
        run_limited(slow, 30, seconds=1)
    assert time.monotonic() - started < 5


def test_memory_limit_stops_a_reader_that_grows():
    with pytest.raises(SandboxError, match="memory"):
        run_limited(greedy, 800, seconds=10, memory_mb=200)
    assert run_limited(greedy, 50, seconds=10, memory_mb=200) == 50 * 1024 * 1024


def test_a_reader_error_is_reported_as_text():
    with pytest.raises(SandboxError, match="ValueError: bad structure"):
        run_limited(broken, seconds=5)
