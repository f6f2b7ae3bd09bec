"""x^s maps l1 to l1 for 0 < s <= 1 (Bernstein), and x^2 does not."""

from symrep.render.gallery import certificate, main

STATEMENT = "x^s maps l1 to l1 for s <= 1; x^2 does not"
#: The documents it writes (checked against documents() by the tests), known before computing.
STEMS = ["power-half-l1-to-l1", "power-third-l1-to-l1", "power-one-l1-to-l1", "square-not-l1-to-l1"]


def documents():
    for s, name in (("1/2", "half"), ("1/3", "third"), ("1", "one")):
        yield certificate(f"power-{name}-l1-to-l1", f"x^({s})", "l1-to-l1", expect="holds")
    yield certificate("square-not-l1-to-l1", "x^2", "l1-to-l1", expect="fails")


if __name__ == "__main__":
    raise SystemExit(main(documents))
