"""Families: exp(-x^a) is a PD Manhattan kernel exactly for 0 < a <= 1 and PD in l2 exactly for
0 < a <= 2; x^s maps l1 to l1 exactly for 0 < s <= 1; the Matern kernel of smoothness nu is a PD
Manhattan kernel exactly for 0 < nu <= 1/2; 1 - (x/(1+x))^s is one exactly for 0 < s <= 1, every s > 1
refuted by a derivative's sign at the point (s - 1)/4, which depends on s and runs to 0 as s -> 1 (each
region with its own certificate)."""

from symrep.render.gallery import classification, main

STATEMENT = ("stable exp(-x^a): PD in l1 iff a <= 1, in l2 iff a <= 2; x^s maps l1 to l1 iff s <= 1 (a > 0, s > 0); "
             "Matern: PD in l1 iff nu <= 1/2 (nu > 0); 1-(x/(1+x))^s: PD in l1 iff s <= 1 (s > 0)")
#: The documents it writes (checked against documents() by the tests), known before computing.
STEMS = ["stable-family-pd-l1", "stable-family-pd-l2", "power-family-l1-to-l1", "matern-family-pd-l1",
         "ratio-power-family-pd-l1"]
MATERN = "2^(1 - nu)/gamma(nu)*(sqrt(2*nu)*x)^nu*besselk(nu, sqrt(2*nu)*x)"


def documents():
    yield classification("stable-family-pd-l1", "exp(-x^a)", "pd-l1", assume="a > 0", expect=["holds", "fails"])
    yield classification("stable-family-pd-l2", "exp(-x^a)", "pd-l2", assume="a > 0", expect=["holds", "fails"])
    yield classification("power-family-l1-to-l1", "x^s", "l1-to-l1", assume="s > 0", expect=["holds", "fails"])
    yield classification("matern-family-pd-l1", MATERN, "pd-l1", assume="nu > 0", expect=["holds", "fails"])
    # a witness that depends on the parameter: for s > 1 the third derivative's sign at x = (s - 1)/4
    yield classification("ratio-power-family-pd-l1", "1-(x/(1+x))^s", "pd-l1", assume="s > 0", expect=["holds", "fails"])


if __name__ == "__main__":
    raise SystemExit(main(documents))
