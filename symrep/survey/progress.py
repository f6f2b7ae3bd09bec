"""Progress of a survey: a one-line bar on a terminal, plain lines otherwise, nothing when quiet.

symrep draws its own bar (a dozen lines of code) rather than depending on tqdm or rich: the bar is
one line rewritten with ``\\r``, and everything else a survey reports is plain text.

Examples
--------
>>> import io
>>> out = io.StringIO()
>>> progress = Progress(2, already=1, stream=out)
>>> progress.cell("laplace", "pd-l1", "holds", "derivation", 0.25)
>>> out.getvalue()
'[2/2] laplace, pd-l1: holds (derivation, 0.2 s)\\n'
"""

import sys
import time

__all__ = ["Progress"]

SYMBOLS = {"holds": "✓", "fails": "✗", "unknown": "?", "split": "±"}


class Progress:
    """Reports ``total`` cells, ``already`` of which were finished by an earlier run.

    ``stream`` (default standard error) gets a bar if it is a terminal, else one line per cell;
    ``quiet`` reports nothing per cell.
    """

    def __init__(self, total, *, already=0, stream=None, quiet=False):
        self.stream = stream if stream is not None else sys.stderr
        self.total, self.done, self.quiet = total, already, quiet
        self.bar = not quiet and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.counts, self.start, self.new = {}, time.monotonic(), 0

    def cell(self, name, claim, verdict, method, seconds):
        """One more cell finished."""
        self.done += 1
        self.new += 1
        self.counts[verdict] = self.counts.get(verdict, 0) + 1
        if self.quiet:
            return
        if self.bar:
            self._draw()
            return
        how = f"{method}, " if method else ""
        self.stream.write(f"[{self.done}/{self.total}] {name}, {claim}: {verdict} ({how}{seconds:.1f} s)\n")
        self.stream.flush()

    def _draw(self):
        width = 30
        filled = width * self.done // max(self.total, 1)
        elapsed = time.monotonic() - self.start
        left = self.total - self.done
        eta = f", about {elapsed / self.new * left:.0f} s left" if self.new and left else ""
        tally = " ".join(f"{mark}{self.counts[k]}" for k, mark in SYMBOLS.items() if k in self.counts)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} cells {tally}"
                          f"{eta}\033[K")
        self.stream.flush()

    def note(self, text):
        """A line of its own (a bad input line, a retried cell), also under the bar."""
        if self.bar:
            self.stream.write("\r\033[K")
        self.stream.write(text + "\n")
        if self.bar:
            self._draw()
        self.stream.flush()

    def close(self):
        if self.bar:
            self.stream.write("\n")
            self.stream.flush()
