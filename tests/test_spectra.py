import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reference import brute_force_eigenvalue, provably_equal, walsh_hadamard
from symrep import Hyperrectangle, InputError, LimitError, numeric_spectrum, spectrum
from symrep.spectra.krawtchouk_polynomials import krawtchouk, krawtchouk_matrix
from symrep.spectra.closed_form import MAX_NUMERIC_DIMENSION
from symrep.spectra.fwht_kernel import fwht_inplace
from symrep.spectra.walsh import KERNEL_MIN_LENGTH, _fwht_numpy, _kernel_fits, character, fwht, subset_to_mask

a, b, c = sympy.symbols("a b c", positive=True)
f = sympy.Function("f")
x = sympy.Symbol("x", real=True)

KERNELS = ["exp(-x)", "exp(-x^2)", "1/(1+x)", "x", "x^2", "sqrt(1+x^2)", "cos(x)", "exp(-x)*cos(x)",
           "log(1+x)", "1 - exp(-x)", "x/(1+x)", "(1+x)^(-1/2)", "3"]
METRICS = [("l1", None), ("l2", None), ("l2sq", None), ("lp", "3/2"), ("inner", None)]


# --- worked cases of docs/theory.md -------------------------------------------------------------


def test_dimension_one():
    sp = spectrum([a], f)
    assert [(e.label, e.value) for e in sp] == [("S={}", f(0) + f(a)), ("S={1}", f(0) - f(a))]


def test_exponential_factorises():
    t = sympy.Rational(3, 2)
    sp = spectrum([a, b, c], sympy.exp(-t * x))
    for e in sp:
        (S,) = list(e.subsets())
        expected = sympy.Mul(*[(1 - sympy.exp(-t * s)) if i + 1 in S else (1 + sympy.exp(-t * s))
                               for i, s in enumerate([a, b, c])])
        assert sympy.expand(e.value - expected, power_exp=True) == 0


def test_gaussian_has_a_negative_eigenvalue_on_the_unit_4_cube():
    sp = spectrum([1, 1, 1, 1], "exp(-x^2)")
    top = sp.eigenspace("s=(4)")
    E = sympy.exp
    assert sympy.expand(top.value - (1 - 4 * E(-1) + 6 * E(-4) - 4 * E(-9) + E(-16))) == 0
    assert top.multiplicity == 1 and top.numeric < -0.36
    # Smaller boxes refute it too: the unit 3-cube and the square with sides 1/2; the unit square does not.
    assert spectrum([1, 1, 1], "exp(-x^2)").eigenspace("s=(3)").numeric < -0.04
    assert spectrum([0.5, 0.5], "exp(-x^2)").eigenspace("s=(2)").numeric < -0.18
    assert min(e.numeric for e in spectrum([1, 1], "exp(-x^2)")) > 0.28


def test_laplace_kernel_spectrum_is_positive():
    for sides in ([1, 1, 2], [sympy.Rational(1, 3), 2, 5, 7]):
        assert all(e.numeric > 0 for e in spectrum(sides, "exp(-x)"))


def test_l1_distance_matrix_eigenvalues():
    # 2^{d-1} sum a_i, -2^{d-1} a_i, and zeros (docs/theory.md section 5).
    sides = [1, 2, 5]
    sp = spectrum(sides, "x")
    assert sp.eigenspace("S={}").value == 4 * 8
    for i, s in enumerate(sides, start=1):
        assert sp.eigenspace(f"S={{{i}}}").value == -4 * s
    zero = sp.eigenspace("S={1,2}")
    assert zero.value == 0 and zero.multiplicity == 4 and zero.is_merged


# --- against slow references ---------------------------------------------------------------


@pytest.mark.parametrize("metric, p", METRICS)
@pytest.mark.parametrize("sides", [[1, 2, 3], [1, 1, 2], [sympy.Rational(1, 2), sympy.Rational(1, 2),
                                                          sympy.Rational(1, 2)]])
def test_matches_brute_force_reference(sides, metric, p):
    H = Hyperrectangle(sides)
    kernel = "exp(-x)" if metric != "inner" else "exp(x)"
    sp = spectrum(H, kernel, metric, p=p, merge=False)
    for e in sp:
        for S in e.subsets():
            assert provably_equal(e.value, brute_force_eigenvalue(H, kernel, subset_to_mask(S), metric, p))


def test_symbolic_sides_and_undefined_function_match_reference():
    H = Hyperrectangle([a, a, b])
    sp = spectrum(H, f, merge=False)
    assert [e.multiplicity for e in sp] == [1, 2, 1, 1, 2, 1]
    for e in sp:
        for S in e.subsets():
            assert sympy.expand(e.value - brute_force_eigenvalue(H, f, subset_to_mask(S))) == 0
    assert sp.check_exact().passed


def test_hypercube_krawtchouk_form():
    d = 6
    sp = spectrum([a] * d, f)
    assert len(sp) == d + 1
    for k, e in enumerate(sp):
        assert e.multiplicity == sympy.binomial(d, k)
        assert sympy.expand(e.value - sum(krawtchouk(t, k, d) * f(t * a) for t in range(d + 1))) == 0


def test_large_symbolic_hypercube():
    sp = spectrum([a] * 50, f)
    assert len(sp) == 51 and sum(e.multiplicity for e in sp) == 2**50
    # lambda_0 = sum_t C(50, t) f(t a)
    assert sp[0].value == sum(sympy.binomial(50, t) * f(t * a) for t in range(51))


def test_finite_difference_form_equals_value():
    for sides in ([1, 2, 3], [a, a, b]):
        for e in spectrum(sides, f):
            assert sympy.expand(e.finite_difference_form().doit() - e.value) == 0
    with pytest.raises(InputError):
        spectrum([1, 2], "exp(-x)", "l2")[0].finite_difference_form()


def test_eigenvectors_are_eigenvectors():
    H = Hyperrectangle([1, 1, 2])
    sp = spectrum(H, "exp(-x)")
    M = H.kernel_matrix("exp(-x)")
    for e in sp:
        vectors = e.eigenvectors()
        assert len(vectors) == e.multiplicity
        for v in vectors:
            assert sympy.expand(M * v - e.value * v) == sympy.zeros(8, 1)


# --- properties over random boxes ---------------------------------------------------------

sides_strategy = st.lists(st.sampled_from([sympy.Rational(1, 2), 1, sympy.Rational(3, 2), 2, 3]),
                          min_size=1, max_size=5)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sides=sides_strategy, kernel=st.sampled_from(KERNELS), metric=st.sampled_from(METRICS))
def test_random_boxes_match_dense_eigensolver(sides, kernel, metric):
    name, p = metric
    if name == "inner" and kernel in ("log(1+x)", "sqrt(1+x^2)", "(1+x)^(-1/2)", "1/(1+x)", "x/(1+x)"):
        kernel = "exp(x)"
    sp = spectrum(sides, kernel, name, p=p)
    assert sum(e.multiplicity for e in sp) == 2 ** len(sides)
    assert sp.check_numeric().passed
    # the FWHT path agrees entry by entry
    fast = numeric_spectrum(sides, kernel, name, p=p)
    for e in sp:
        for S in e.subsets():
            assert np.isclose(fast[subset_to_mask(S)], e.numeric, rtol=1e-9, atol=1e-9)
    # merged eigenspaces really have equal values
    for e in sp.merges:
        values = [brute_force_eigenvalue(sp.box, kernel, subset_to_mask(next(iter(
            [S for S in e.subsets() if _block(sp.box, S) == s]))), name, p) for s, _ in e.pieces]
        assert all(provably_equal(v, values[0]) for v in values)


def _block(box, S):
    return tuple(sum(1 for i in S if i in coords) for _, coords in box.blocks)


@settings(max_examples=15, deadline=None)
@given(sides=st.lists(st.sampled_from([1, 2, 3]), min_size=1, max_size=4),
       kernel=st.sampled_from(KERNELS[:8]))
def test_random_boxes_pass_the_exact_check(sides, kernel):
    assert spectrum(sides, kernel).check_exact().passed


def test_exact_check_catches_a_wrong_eigenvalue():
    sp = spectrum([1, 2], "exp(-x)")
    sp.eigenspaces[1].value += sympy.Rational(1, 10**30)
    assert not sp.check_exact().passed


def test_no_merge_keeps_every_block_vector():
    assert len(spectrum([1, 2, 3], "x", merge=False)) == 8
    assert len(spectrum([1, 2, 3], "x")) == 5


def test_merges_only_provable_equalities():
    # cos(x) on sides pi/2, pi: several eigenvalues vanish; each merge must be exact.
    sp = spectrum([sympy.pi / 2, sympy.pi], "cos(x)")
    for e in sp.merges:
        assert e.numeric == pytest.approx(0, abs=1e-12) or len({p for p in e.pieces}) > 1


# --- numeric path -------------------------------------------------------------------------


def test_fwht_matches_hadamard_matrix():
    rng = np.random.default_rng(1)
    for d in range(0, 8):
        v = rng.normal(size=1 << d)
        H = np.array([character(s, d) for s in range(1 << d)])
        assert np.allclose(fwht(v), H @ v)


def test_fwht_refuses_bad_lengths():
    with pytest.raises(InputError):
        fwht(np.ones(3))


# --- the compiled FWHT kernel (numba: a dependency, so never skipped) ----------------------


def _hadamard(d):
    return np.array([character(s, d) for s in range(1 << d)], dtype=float)


def _close(got, want, rtol=1e-12):
    assert np.max(np.abs(got - want)) <= rtol * max(1.0, np.max(np.abs(want))), np.max(np.abs(got - want))


def test_fwht_kernel_matches_hadamard_matrix():
    rng = np.random.default_rng(2)
    for d in range(0, 11):
        v = rng.normal(size=1 << d)
        x = v.copy()
        fwht_inplace(x)
        _close(x, _hadamard(d) @ v)


@pytest.mark.parametrize("d", range(10, 17))
def test_fwht_kernel_matches_slow_references(d):
    rng = np.random.default_rng(d)
    v = rng.normal(size=1 << d)
    slow = walsh_hadamard(v)
    _close(_fwht_numpy(v.copy()), slow)
    x = v.copy()
    fwht_inplace(x)
    _close(x, slow)
    _close(fwht(v), slow)                                  # the public path (kernel from 2**14 on)
    assert np.array_equal(v, np.random.default_rng(d).normal(size=1 << d))   # input untouched


def test_fwht_uses_the_kernel_from_its_threshold_on(monkeypatch):
    import symrep.spectra.fwht_kernel as kernel

    calls = []
    real = kernel.fwht_inplace
    monkeypatch.setattr(kernel, "fwht_inplace", lambda x: calls.append(x.shape[0]) or real(x))
    for n in (KERNEL_MIN_LENGTH // 2, KERNEL_MIN_LENGTH, 4 * KERNEL_MIN_LENGTH):
        fwht(np.ones(n))
    assert calls == [KERNEL_MIN_LENGTH, 4 * KERNEL_MIN_LENGTH]


@pytest.mark.parametrize("n", [1 << 12, 1 << 15])
def test_fwht_strided_input_and_out(n):
    rng = np.random.default_rng(n)
    big = rng.normal(size=3 * n)
    before = big.copy()
    v = big[::3]                                           # non-contiguous view
    slow = walsh_hadamard(v)
    _close(fwht(v), slow)
    assert np.array_equal(big, before)                     # out=None never writes through the view
    buf = np.zeros(2 * n)
    out = buf[1::2]                                        # non-contiguous out
    assert fwht(v, out=out) is out
    _close(out, slow)
    assert np.all(buf[0::2] == 0)
    rev = v.copy()[::-1]                                   # negative stride, in place
    assert fwht(rev, out=rev) is rev
    _close(rev, walsh_hadamard(v[::-1]))


@pytest.mark.parametrize("n", [1 << 8, 1 << 14, 1 << 16])
def test_fwht_out_aliasing_the_input(n):
    v = np.random.default_rng(n).normal(size=n)
    x = v.copy()
    assert fwht(x, out=x) is x
    _close(x, walsh_hadamard(v))
    y = fwht(x)                                            # out=None copies: H H = n I
    assert y is not x
    _close(y, n * v)


@pytest.mark.parametrize("n", [1 << 8, 1 << 15])
def test_fwht_float32(n):
    v = np.random.default_rng(3).normal(size=n).astype(np.float32)
    assert fwht(v).dtype == np.float64                     # out=None: float64, as before
    _close(fwht(v), walsh_hadamard(v))
    x = v.copy()
    assert fwht(x, out=x).dtype == np.float32              # in place keeps float32
    _close(x, walsh_hadamard(v), rtol=1e-5)


@pytest.mark.parametrize("n", [1 << 8, 1 << 15])
def test_fwht_integer_input(n):
    v = np.random.default_rng(4).integers(-1000, 1000, size=n)
    exact = walsh_hadamard(v)                              # exact: far below 2**53
    got = fwht(v)
    assert got.dtype == np.float64 and np.array_equal(got, exact)
    x = v.copy()
    assert fwht(x, out=x) is x and x.dtype == np.int64
    assert np.array_equal(x, exact.astype(np.int64))


def test_fwht_int64_takes_the_kernel_only_when_it_cannot_overflow(monkeypatch):
    import symrep.spectra.fwht_kernel as kernel

    n = 1 << 14
    calls = []
    real = kernel.fwht_inplace
    monkeypatch.setattr(kernel, "fwht_inplace", lambda x: calls.append(x.dtype) or real(x))
    a = (2**63 - 1) // n                                   # n * a fits: the largest safe entries
    signs = np.random.default_rng(6).choice([-1, 1], size=n)
    safe = signs * a
    assert _kernel_fits(safe, n)
    want = [int(s) * a for s in signs]                     # exact, in Python integers
    h = 1
    while h < n:
        for i in range(0, n, 2 * h):
            for j in range(i, i + h):
                want[j], want[j + h] = want[j] + want[j + h], want[j] - want[j + h]
        h *= 2
    assert fwht(safe, out=safe).tolist() == want and calls == [np.dtype(np.int64)]
    risky = np.zeros(n, dtype=np.int64)
    risky[0] = (2**63 - 1) // n + 1
    assert not _kernel_fits(risky, n)
    expected = _fwht_numpy(risky.copy())                   # the numpy path, as before the kernel
    assert np.array_equal(fwht(risky, out=risky), expected) and len(calls) == 1


def test_fwht_other_layouts_take_the_numpy_path():
    v = np.random.default_rng(5).normal(size=1 << 14)
    swapped = v.astype(">f8")                              # non-native byte order
    _close(fwht(swapped, out=swapped), walsh_hadamard(v))
    frozen = v.copy()
    frozen.flags.writeable = False
    _close(fwht(frozen), walsh_hadamard(v))                # out=None: a new array
    with pytest.raises(ValueError):
        fwht(frozen, out=frozen)


@pytest.mark.parametrize("shape", [(3,), (0,), (6,), ((1 << 14) + 2,), (3 << 13,), (4, 4), ()])
def test_fwht_refuses_bad_shapes(shape):
    with pytest.raises(InputError):
        fwht(np.ones(shape))
    with pytest.raises(InputError):
        x = np.ones(shape)
        fwht(x, out=x)


def test_exact_spectrum_never_goes_through_the_float_transform(monkeypatch):
    import symrep.spectra.closed_form as closed_form

    def refuse(*args, **kwargs):
        raise AssertionError("the exact path called fwht")

    monkeypatch.setattr(closed_form, "fwht", refuse)
    sp = spectrum([1, 1, 2], "exp(-x)")
    assert sp.check_exact().passed
    with pytest.raises(AssertionError):
        numeric_spectrum([1, 1, 2], "exp(-x)")


def test_krawtchouk_recurrence_matches_definition():
    for m in range(0, 15):
        assert krawtchouk_matrix(m) == [[krawtchouk(t, s, m) for t in range(m + 1)] for s in range(m + 1)]


def test_numeric_spectrum_matches_eigvalsh_up_to_d_10():
    rng = np.random.default_rng(7)
    for d in (1, 4, 7, 10):
        sides = list(rng.uniform(0.1, 2.0, size=d))
        H = Hyperrectangle(sides)
        fast = np.sort(numeric_spectrum(H, "exp(-x^2)", "l2"))
        dense = np.linalg.eigvalsh(H.kernel_matrix("exp(-x^2)", "l2", numeric=True))
        assert np.allclose(fast, dense, atol=1e-10)


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sides, kernel, metric, message",
    [
        ([1, 2], "1/x", "l1", "undefined at x = 0"),
        ([1, 2], "log(x)", "l2", "undefined at x = 0"),
        ([1, 1], "1/x", "inner", "inner product 0"),
        ([1, 2], "sqrt(x - 2)", "l1", "not real"),
        ([1, 2], "sin(x)/x", "l1", "undefined"),
        ([1, 2], sympy.exp(-sympy.Symbol("t") * x), "l1", "'t' cannot name a parameter"),
        ([1, 2], "t*x", "l1", "'t' cannot name a parameter"),
        ([1, 2], 3.5j, "l1", "kernel must be"),
        ([1, 2], lambda v: v, "l1", "cannot be read exactly"),
        ([1, 2], "x", "l9", "unknown metric"),
    ],
)
def test_bad_kernels_are_refused(sides, kernel, metric, message):
    with pytest.raises(InputError, match=message):
        spectrum(sides, kernel, metric)


def test_numeric_path_refuses_symbolic_or_undefined():
    with pytest.raises(InputError, match="symbolic sides"):
        numeric_spectrum([a, 1], "exp(-x)")
    with pytest.raises(InputError, match="undefined function"):
        numeric_spectrum([1, 2], f)
    with pytest.raises(InputError, match="undefined or infinite"):
        numeric_spectrum([1.0, 2.0], "1/x")


def test_oversized_requests_name_the_limit():
    with pytest.raises(LimitError, match="limit 1048576"):
        spectrum(list(range(1, 12)), "exp(-x)")
    with pytest.raises(LimitError, match=f"d <= {MAX_NUMERIC_DIMENSION}"):
        numeric_spectrum([1.0] * (MAX_NUMERIC_DIMENSION + 1), "exp(-x)")
    with pytest.raises(LimitError, match="d <= 6"):
        spectrum([1] * 7, "exp(-x)").check_exact()


@pytest.mark.parametrize("sides, kernel", [([a] * 30, f), ([a] * 7, "exp(-x)"), ([1, 2, 3, a], "exp(-x)"),
                                           ([a, 2 * a, 3], sympy.Function("g")), ([a, a, 1], "exp(-x)*cos(x)")])
def test_directly_built_sums_are_sympys_canonical_form(sides, kernel):
    for e in spectrum(sides, kernel, merge=False):
        rebuilt = sympy.Add(*e.value.args) if e.value.is_Add else e.value
        assert rebuilt == e.value and rebuilt.args == e.value.args and hash(rebuilt) == hash(e.value)


def test_latex_forms():
    sp = spectrum([1, 2, 3], "x")
    text = sympy.latex(sp)
    assert text.startswith(r"\begin{array}") and text.endswith(r"\end{array}")
    assert r"S=\emptyset & 1 & 24" in text and r"S=\{1,2\},\ S=\{1,3\}" in text
    assert sp._repr_latex_().startswith("$\\displaystyle")
    assert sympy.latex(Hyperrectangle([1, a])) == r"[0, 1] \times [0, a]"


def test_factored_spectra_and_proved_signs():
    """Issue 16: the Laplace kernel on l1 factors over the sides and every eigenvalue is proved positive
    for positive sides; the Gaussian on the 4-cube has one proved negative eigenvalue; with a kernel
    parameter the signs need an assumption on it."""
    import sympy

    from symrep.spectra.signs import factored, proved_signs

    sp = spectrum(["a", "b", "c"], "exp(-x)")
    for plain, product in zip(sp, factored(sp)):
        assert sympy.simplify(plain.value - product.value) == 0
        assert isinstance(sympy.factor(product.value), sympy.Mul)
    assert set(proved_signs(sp).values()) == {"+"}
    gauss = proved_signs(spectrum([1, 1, 1, 1], "exp(-x^2)"))
    numeric = numeric_spectrum([1, 1, 1, 1], "exp(-x^2)")
    assert gauss["s=(4)"] == "-" and numeric.min() < 0
    family = spectrum([1, 2], "exp(-c*x)")
    assert set(proved_signs(family, "c > 0").values()) == {"+"}
    assert "?" in proved_signs(family).values()  # for c < 0 some eigenvalues are negative: not proved
