"""Running wrk (https://github.com/wg/wrk, Debian's ``wrk``) and reading its figures, for the
scripts that load-test a running server (``render.py --url``, ``throughput.py``)."""

import re
import shutil
import subprocess

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def milliseconds(text):
    """wrk's "1.23ms", "850.00us" or "2.01s" in milliseconds."""
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def run(url, duration, threads=2, connections=8):
    """``wrk --latency`` against ``url`` for ``duration`` seconds: a dict of ``rate``
    (requests/s, None when wrk failed), ``p50``/``p99`` (ms), ``non_2xx`` and ``socket_errors``
    (counts or text, None when there were none) and ``output`` (what wrk printed)."""
    command = [
        shutil.which("wrk"),
        "--latency",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        url,
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 30)
        output = done.stdout + done.stderr
    except subprocess.TimeoutExpired:
        output = f"wrk did not finish within {duration + 30} s"
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s|m))$", output, re.M))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors:(.*)", output)
    return {
        "rate": float(rate.group(1)) if rate else None,
        "p50": milliseconds(latency["50"]) if "50" in latency else None,
        "p99": milliseconds(latency["99"]) if "99" in latency else None,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else None,
        "socket_errors": socket_errors.group(1).strip() if socket_errors else None,
        "output": output,
    }
