"""Running a parser on an untrusted file in a child process with a time and memory
limit, so that a hostile file (deep nesting, decompression tricks, a parser bug)
fails alone instead of stalling or exhausting the worker that handles uploads."""

import multiprocessing
import resource

from django.conf import settings
from django.utils.translation import gettext


class SandboxError(Exception):
    pass


def _address_space_in_use():
    """Bytes of virtual memory the (forked) process already maps, from /proc."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def _child(connection, memory_bytes, seconds, function, args):
    # The limit is on top of what the copy of the parent already maps.
    limit = _address_space_in_use() + memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    try:
        connection.send(("ok", function(*args)))
    except MemoryError:
        connection.send(("error", gettext("The file needs too much memory to read.")))
    except Exception as error:  # noqa: BLE001 - reported to the parent as text
        connection.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


def run_limited(function, *args, seconds=None, memory_mb=None):
    """``function(*args)`` in a forked child; its result, or SandboxError with a short
    reason. ``function`` and the result must be picklable; the child has no use for
    the database, so it gets only bytes."""
    seconds = seconds or settings.MATERIALS_PROCESSING_SECONDS
    memory_bytes = (memory_mb or settings.MATERIALS_PROCESSING_MEMORY_MB) * 1024 * 1024
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, memory_bytes, seconds, function, args))
    process.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise SandboxError(
                gettext("Reading the file took longer than %(seconds)s s.") % {"seconds": seconds}
            )
        try:
            status, value = receiver.recv()
        except EOFError:
            raise SandboxError(
                gettext("The file could not be read (the reader stopped).")
            ) from None
    finally:
        process.kill()
        process.join()
        receiver.close()
    if status == "error":
        raise SandboxError(value)
    return value
