"""exp is not a low-rank entrywise transform; a polynomial of degree g is, with rank C(d+g, g)."""

from symrep.gallery import certificate, main

STATEMENT = "exp is not low-rank; a degree-3 polynomial is, rank C(d+3, 3)"


def documents():
    yield certificate("exp-not-low-rank", "exp(x)", "low-rank", expect="fails")
    yield certificate("cubic-low-rank", "1 + 2*x + x^3", "low-rank", expect="holds")


if __name__ == "__main__":
    raise SystemExit(main(documents))
