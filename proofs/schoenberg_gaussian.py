"""Schoenberg: the Gaussian exp(-|x - y|_2^2) is positive definite in every dimension."""

from symrep.render.gallery import certificate, main

STATEMENT = "exp(-x^2) is PD in l2 (Schoenberg)"
#: The documents it writes (checked against documents() by the tests), known before computing.
STEMS = ["gaussian-pd-l2"]


def documents():
    yield certificate("gaussian-pd-l2", "exp(-x^2)", "pd-l2", expect="holds")


if __name__ == "__main__":
    raise SystemExit(main(documents))
