"""Figures and tables shared by the benchmark scripts."""

import math


def percentile(values, fraction):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def table(headers, rows, right=()):
    """Print ``rows`` under ``headers`` in aligned columns; columns in ``right`` right-aligned."""
    rows = [[str(cell) for cell in row] for row in rows]
    widths = [
        max(len(row[column]) for row in [list(headers), *rows]) for column in range(len(headers))
    ]

    def line(row):
        return "  ".join(
            cell.rjust(width) if column in right else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths))
        ).rstrip()

    print(line(headers))
    print("  ".join("-" * width for width in widths))
    for row in rows:
        print(line(row))
