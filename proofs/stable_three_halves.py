"""exp(-x^(3/2)) is positive definite in l2 (Schoenberg: exp(-t^(3/4)) is CM) but not in l1."""

from symrep.render.gallery import certificate, main

STATEMENT = "exp(-x^(3/2)) is PD in l2 but not in l1"
#: The documents it writes (checked against documents() by the tests), known before computing.
STEMS = ["stable-3-2-pd-l2", "stable-3-2-not-pd-l1"]


def documents():
    yield certificate("stable-3-2-pd-l2", "exp(-x^(3/2))", "pd-l2", expect="holds")
    yield certificate("stable-3-2-not-pd-l1", "exp(-x^(3/2))", "pd-l1", expect="fails", method="box-witness")


if __name__ == "__main__":
    raise SystemExit(main(documents))
