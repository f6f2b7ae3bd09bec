"""exp is not a low-rank entrywise transform; a polynomial of degree g is, with rank C(d+g, g)."""

from symrep.render.gallery import certificate, cube_rank_certificate, main

STATEMENT = "exp is not low-rank; a degree-3 polynomial is, rank C(d+3, 3); exact ranks on {±1}^6"
#: The documents it writes (checked against documents() by the tests), known before computing.
STEMS = ["exp-not-low-rank", "cubic-low-rank", "exp-cube-rank-6", "cubic-cube-rank-6"]


def documents():
    yield certificate("exp-not-low-rank", "exp(x)", "low-rank", expect="fails")
    yield certificate("cubic-low-rank", "1 + 2*x + x^3", "low-rank", expect="holds")
    # on {±1}^6: exp keeps all 2^6 eigenvalues; the cubic keeps levels |S| = 0, 1, 3 only (1 + 6 + 20 = 27):
    # level s needs a term x^k with k >= s and k = s mod 2, and 1 + 2x + x^3 has no x^2
    yield cube_rank_certificate("exp-cube-rank-6", "exp(x/6)", 6, expect=64)
    yield cube_rank_certificate("cubic-cube-rank-6", "1 + 2*x + x^3", 6, expect=27)


if __name__ == "__main__":
    raise SystemExit(main(documents))
