"""Reading a large workbook in a second process while the import writes.

Parsing the sheet's XML (openpyxl) and checking and saving the rows are both
CPU work of about the same size.  In one process they add up; with the reader
in a child process they overlap on a second core, and an import takes about
as long as reading the file does.

`read_in_background(reader, path)` has the same contract as the readers it
wraps (`app.complaints.spreadsheet.read_records`): it returns
``(estimated rows, iterator of (row number, fields))`` and raises the reader's
UserError (not a workbook, wrong template) before any row is read.  Rows come
in batches through a bounded queue, so memory stays constant however long the
file is; closing the iterator (cancel, an error in the import) stops the child.
The child is started with "spawn": forking a process that runs Qt threads is
not safe.  The child watches its parent and ends itself when the parent is
gone (killed, crashed), so it never lives on holding the file and the
database open.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import pickle
import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

BATCH_ROWS = 1000
WAITING_MESSAGES = 8  # at most this many messages wait in memory
Stage = Callable[[Iterator[Any]], Iterator[Any]]
_POLL_SECONDS = 0.5
PARENT_CHECK_SECONDS = 0.5


def _watch_parent(parent_pid: int) -> None:
    """In the child: end this process as soon as the parent is gone (a killed parent closes no
    queue and sends no signal; its child would read on, holding the file and the database open)."""

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            if os.getppid() != parent_pid:  # re-parented: the parent has ended
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _run_reader(
    reader_name: str, path: str, out: Any, stage: Stage | None, per_message: int, parent_pid: int | None = None
) -> None:
    """The child: open the file with the named reader, send what the stage makes of its rows."""
    if parent_pid is not None:
        _watch_parent(parent_pid)
    module_name, function_name = reader_name.rsplit(".", 1)
    try:
        reader = getattr(importlib.import_module(module_name), function_name)
        total, records = reader(path)
    except BaseException as exc:  # the reader's UserError travels back to the parent
        out.put(("error", _sendable(exc)))
        return
    out.put(("total", total))
    batch: list[Any] = []
    try:
        for item in records if stage is None else stage(records):
            batch.append(item)
            if len(batch) >= per_message:
                out.put(("rows", batch))
                batch = []
        if batch:
            out.put(("rows", batch))
        out.put(("end", None))
    except BaseException as exc:
        out.put(("error", _sendable(exc)))


def _sendable(exc: BaseException) -> BaseException:
    """The exception itself if it survives pickling (UserError does), else its description."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def read_in_background(
    reader_name: str,
    path: str | os.PathLike[str],
    stage: Stage | None = None,
    *,
    per_message: int = BATCH_ROWS,
    waiting: int = WAITING_MESSAGES,
) -> tuple[int, Iterator[Any]]:
    """`reader_name` is the dotted name of a reader function (it must be importable in a new process).

    `stage`, a picklable callable, turns the stream of records into the
    stream of items sent back (e.g. checked or prepared rows), so the work on
    rows that needs no write is done in the child too; `per_message` items
    travel together, and at most `waiting` messages wait to be taken.  Like any "spawn" child, the child imports the parent's
    main module again: a script that imports rows must guard its work with
    ``if __name__ == "__main__":``.
    """
    context = multiprocessing.get_context("spawn")
    channel = context.Queue(maxsize=waiting)
    child = context.Process(
        target=_run_reader, args=(reader_name, os.fspath(path), channel, stage, per_message, os.getpid()),
        daemon=True,
    )
    child.start()
    try:
        kind, value = _receive(channel, child)
    except BaseException:
        _stop(child, channel)
        raise
    if kind == "error":
        _stop(child, channel)
        raise value
    return int(value), _rows(channel, child)


def _receive(channel: Any, child: Any) -> tuple[str, Any]:
    while True:
        try:
            message: tuple[str, Any] = channel.get(timeout=_POLL_SECONDS)
            return message
        except queue.Empty:
            if not child.is_alive():
                try:  # it may have put its last message just before it ended
                    message = channel.get(timeout=_POLL_SECONDS)
                    return message
                except queue.Empty:
                    raise RuntimeError(f"the workbook reader stopped (exit code {child.exitcode})") from None


def _rows(channel: Any, child: Any) -> Iterator[Any]:
    try:
        while True:
            kind, value = _receive(channel, child)
            if kind == "rows":
                yield from value
            elif kind == "end":
                return
            else:
                raise value
    finally:
        _stop(child, channel)


def _stop(child: Any, channel: Any) -> None:
    if child.is_alive():
        child.terminate()
    child.join(timeout=5)
    channel.close()
    channel.cancel_join_thread()
