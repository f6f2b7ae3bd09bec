"""The cube's vertices under B_3: the sum of ((3-k),(k)), k = 0..3, each constituent an
eigenspace of every kernel matrix f(D) with its Krawtchouk eigenvalue."""

from symrep.render.gallery import decomposition, main

STATEMENT = "B_3 on the cube's vertices, with the Krawtchouk eigenvalues of exp(-x)"
#: The documents it writes (checked against documents() by the tests), known before computing.
STEMS = ["cube-b3-decomposition"]


def documents():
    yield decomposition("cube-b3-decomposition", [1, 1, 1], "exp(-x)")


if __name__ == "__main__":
    raise SystemExit(main(documents))
