"""The seed paper's stable-rank bound: if A >= 0 and x/sqrt(l) <= f(x) <= sqrt(L) x on its entries, then
srank(A)/(L l) <= srank(f(A)) <= L l srank(A). For sqrt(x) on [1, 4], f(x)/x = 1/sqrt(x) runs from 1 down
to 1/2 (so l is about 4, L about 1); for log(1 + x) on [0, 4] it runs from 1 (at 0+) down to log(5)/4, the
end at 0 bounded by f' through the mean value theorem."""

from symrep.render.gallery import main, stable_rank_certificate

STATEMENT = "sqrt(x) on [1, 4] and log(1+x) on [0, 4] change the stable rank by a factor of about 4 and 6.2"
#: The documents it writes (checked against documents() by the tests), known before computing.
STEMS = ["sqrt-stable-rank", "log1p-stable-rank"]


def documents():
    yield stable_rank_certificate("sqrt-stable-rank", "sqrt(x)", 1, 4, expect_factor=4.01)
    yield stable_rank_certificate("log1p-stable-rank", "log(1+x)", 0, 4, expect_factor=6.2)


if __name__ == "__main__":
    raise SystemExit(main(documents))
