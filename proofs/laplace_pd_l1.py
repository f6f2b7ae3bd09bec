"""The Laplace kernel exp(-|x - y|_1) is a positive definite Manhattan kernel."""

from symrep.render.gallery import certificate, main

STATEMENT = "exp(-x) is a PD Manhattan kernel (completely monotone)"
#: The documents it writes (checked against documents() by the tests), known before computing.
STEMS = ["laplace-pd-l1"]


def documents():
    yield certificate("laplace-pd-l1", "exp(-x)", "pd-l1", expect="holds")


if __name__ == "__main__":
    raise SystemExit(main(documents))
