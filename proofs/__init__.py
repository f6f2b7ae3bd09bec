"""The proofs gallery: one runnable file per statement from the seed papers and the classics.

Each file defines ``STATEMENT`` (one line) and ``documents()``, which yields
:class:`~symrep.render.gallery.Document` objects: a certificate checked by the independent checker,
or another exact result with its own check. Run one with ``python proofs/low_rank.py -o DIR``, or
all of them, in the order of :data:`symrep.render.gallery.STATEMENTS`, with ``symrep gallery -o DIR``.
This folder is shipped inside the package as ``symrep.proofs`` by ``pyproject.toml``.
"""
