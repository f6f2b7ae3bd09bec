"""The proofs gallery: one runnable module per statement from the seed papers and the classics.

Each module defines ``STATEMENT`` (one line) and ``documents()``, which yields
:class:`~symrep.gallery.Document` objects: a certificate checked by the independent checker,
or another exact result with its own check. Run one with
``python -m symrep.proofs.gaussian_not_pd_l1 -o DIR``, or all of them with
``symrep gallery -o DIR``.
"""

#: Module names, in the order the gallery shows them.
STATEMENTS = [
    "laplace_pd_l1",
    "gaussian_not_pd_l1",
    "stable_three_halves",
    "power_transforms",
    "low_rank",
    "schoenberg_gaussian",
    "cube_decomposition",
]
