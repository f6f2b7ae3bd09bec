"""The Gaussian exp(-|x - y|_1^2) is not a positive definite Manhattan kernel: the smallest box
the search finds has a negative eigenvalue, proved by ball arithmetic."""

from symrep.render.gallery import certificate, main

STATEMENT = "exp(-x^2) is not a PD Manhattan kernel (box witness)"
#: The documents it writes (checked against documents() by the tests), known before computing.
STEMS = ["gaussian-not-pd-l1"]


def documents():
    yield certificate("gaussian-not-pd-l1", "exp(-x^2)", "pd-l1", expect="fails", method="box-witness")


if __name__ == "__main__":
    raise SystemExit(main(documents))
