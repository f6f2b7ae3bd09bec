"""Write the teaching notebooks (``python notebooks/build.py``), stored without outputs.

The notebooks are generated from the cell lists below so that they are never hand-edited and
always match the toolkit: edit this file, run it, commit the .ipynb files. CI executes every
notebook top to bottom (``python -m pytest -m notebooks``); run one yourself with
``jupyter notebook notebooks/01_walsh_spectrum.ipynb`` or execute them all with
``python -m pytest -m notebooks``.
"""

import pathlib

import nbformat

HERE = pathlib.Path(__file__).parent
SETUP = """\
%matplotlib inline
import time
import numpy as np
import sympy
import matplotlib.pyplot as plt
plt.rcParams["figure.figsize"] = (7, 3.2)"""

NOTEBOOKS = {}

NOTEBOOKS["01_walsh_spectrum"] = [
    ("md", """\
# 1. The hyperrectangle and its Walsh spectrum

A box (hyperrectangle) with sides $a_1, \\dots, a_d$ has $2^d$ vertices $v \\in \\{0,1\\}^d$ (scaled by the sides).
Apply a function $f$ to the Manhattan distance between vertices: $M = [f(\\lVert u - v \\rVert_1)]$.
Whatever $f$ and the sides are, **the eigenvectors of $M$ are the characters**
$\\chi_S(v) = (-1)^{\\sum_{i \\in S} v_i}$ of the group $\\mathbb{Z}_2^d$, and the eigenvalues have a closed form
$$\\lambda_S = \\sum_{T \\subseteq [d]} (-1)^{|S \\cap T|} f\\Big(\\sum_{i \\in T} a_i\\Big).$$
This notebook checks that claim, pictures it, and measures what it buys."""),
    ("code", SETUP + """
from IPython.display import display
from symrep import Hyperrectangle, spectrum, numeric_spectrum
from symrep.spectra.walsh import character"""),
    ("md", "## The box and its kernel matrix\nA 4-dimensional box with sides 1, 1, 2, 3, and the Laplace kernel $f(x) = e^{-x}$."),
    ("code", """\
box = Hyperrectangle([1, 1, 2, 3])
display(box)
D = box.distance_matrix(numeric=True)
M = box.kernel_matrix("exp(-x)", numeric=True)
fig, axes = plt.subplots(1, 2)
axes[0].imshow(D, cmap="viridis"); axes[0].set_title("distances")
axes[1].imshow(M, cmap="viridis"); axes[1].set_title("exp(-distance)")
plt.show()"""),
    ("md", "## The characters are eigenvectors\nEvery $\\chi_S$ satisfies $M\\chi_S = \\lambda_S \\chi_S$, with $\\lambda_S$ from the formula (computed here by one fast Walsh–Hadamard transform)."),
    ("code", """\
d = 4
lam = numeric_spectrum([1, 1, 2, 3], "exp(-x)")   # lambda_S for every subset S, indexed by bit mask
for mask in range(2**d):
    chi = character(mask, d)
    assert np.allclose(M @ chi, lam[mask] * chi)
print("all", 2**d, "characters are eigenvectors")
plt.imshow(np.array([character(s, d) for s in range(2**d)]), cmap="coolwarm"); plt.title("the characters chi_S (rows)"); plt.show()"""),
    ("md", "## Against a dense eigensolver\nThe closed form agrees with `numpy.linalg.eigvalsh` to rounding."),
    ("code", """\
dense = np.linalg.eigvalsh(M)
closed = np.sort(lam)
print("max difference:", np.max(np.abs(dense - closed)))
assert np.max(np.abs(dense - closed)) < 1e-12
plt.plot(dense, "o", label="eigvalsh"); plt.plot(closed, "x", label="closed form"); plt.legend(); plt.show()"""),
    ("md", "## Exact and symbolic\nEqual sides group the eigenvalues: on the unit 4-cube there are only 5 distinct levels, each a Krawtchouk sum, and with undefined $f$ the answer is a formula."),
    ("code", """\
display(spectrum([1, 1, 1, 1], "exp(-x^2)"))
f = sympy.Function("f")
spectrum([1, 1, 2], f)"""),
    ("md", "The Gaussian has a **negative** eigenvalue on the 4-cube: it is not a positive definite Manhattan kernel (notebook 3 turns this into a certificate).\n\n## The speed-up\nThe dense solver costs $O(8^d)$; the closed form costs $O(d\\,2^d)$."),
    ("code", """\
dims, t_dense, t_fast = range(6, 12), [], []
for d in dims:
    sides = np.random.default_rng(d).uniform(0.5, 2, d)
    start = time.perf_counter(); np.linalg.eigvalsh(Hyperrectangle(list(sides)).kernel_matrix("exp(-x^2)", numeric=True)); t_dense.append(time.perf_counter() - start)
    start = time.perf_counter(); numeric_spectrum(list(sides), "exp(-x^2)"); t_fast.append(time.perf_counter() - start)
plt.semilogy(list(dims), t_dense, "o-", label="eigvalsh (dense)"); plt.semilogy(list(dims), t_fast, "s-", label="closed form (FWHT)")
plt.xlabel("d"); plt.ylabel("seconds"); plt.legend(); plt.show()
print("speed-up at d = 11: %.0fx" % (t_dense[-1] / t_fast[-1]))"""),
]

NOTEBOOKS["02_characters_and_decompositions"] = [
    ("md", """\
# 2. Character tables of $B_n$ and the decomposition of the cube

The symmetry group of the $n$-cube is the hyperoctahedral group $B_n = \\mathbb{Z}_2 \\wr S_n$ of order $2^n n!$.
Its irreducible characters are labelled by bipartitions $(\\lambda, \\mu)$ of $n$. The cube's $2^n$ vertices
split into the irreducibles $((n-k), (k))$, $k = 0, \\dots, n$, and each is an **eigenspace of every kernel
matrix** $f(D)$, with a Krawtchouk eigenvalue."""),
    ("code", SETUP + """
from symrep.groups.tables import hyperoctahedral_table
from symrep.spectra.decompositions import decompose_action, verify_spectrum_bridge
from symrep import spectrum
from IPython.display import Markdown, display"""),
    ("md", "## The character table of $B_3$\nComputed by a column-wise Murnaghan–Nakayama rule and verified exactly (both orthogonality relations)."),
    ("code", """\
T = hyperoctahedral_table(3)
assert T.verify().passed and sum(deg**2 for deg in T.degrees) == T.order
display(T)
T.verify()"""),
    ("code", """\
plt.imshow(np.array(T.values, dtype=float), cmap="coolwarm"); plt.colorbar()
plt.title("character table of B_3 (rows: irreducibles, columns: classes)"); plt.show()"""),
    ("md", "## The cube's vertices\nThe permutation character on vertices decomposes as $\\sum_k \\chi_{((3-k),(k))}$; the dimensions $1 + 3 + 3 + 1$ add up to 8."),
    ("code", """\
dec = decompose_action([1, 1, 1], "vertices")
assert dec.degree == 8
dec"""),
    ("md", "## Krawtchouk eigenvalues\nThe eigenvalue on $((n-k),(k))$ is $\\sum_t K_k(t; n) f(t)$ with the Krawtchouk polynomial $K_k$. The exact isotypic projectors $P$ satisfy $MP = \\lambda P$: the symmetry side and the spectral side agree."),
    ("code", """\
spec = spectrum([1, 1, 1], "exp(-x)")
assert verify_spectrum_bridge(spec).passed
display(spec)
verify_spectrum_bridge(spec)"""),
    ("md", "## When sides repeat differently\nWith sides $1, 1, 2$ the symmetry group shrinks to $B_2 \\times B_1$ (order 16), so more irreducibles appear, and more distinct eigenvalues."),
    ("code", """\
rows = ["| sides | constituents | eigenspaces | decomposition |", "|---|---|---|---|"]
for sides in ([1, 1, 1], [1, 1, 2], [1, 2, 3]):
    dec = decompose_action(sides, "vertices")
    rows.append(f"| {sides} | {len(dec)} | {len(spectrum(sides, 'exp(-x)', merge=False))} | {dec._repr_latex_()} |")
Markdown("\\n".join(rows))"""),
    ("md", "## Edges and symmetric powers\nThe same machinery decomposes the edges, and the degree-$j$ monomials that the polynomial method of notebook 5 uses."),
    ("code", """\
display(decompose_action([1, 1, 1], "edges"))
decompose_action([1, 1, 1], "sym:2")"""),
]

NOTEBOOKS["03_positive_definite_kernels"] = [
    ("md", """\
# 3. Positive definite Manhattan kernels

$f$ is a **positive definite Manhattan kernel** if $[f(\\lVert x_i - x_j \\rVert_1)]$ is positive semidefinite for all
point sets. The seed paper (Alman et al., NeurIPS 2024) shows: exactly when $f$ is completely monotone.
The Laplace kernel $e^{-x}$ is; the Gaussian $e^{-x^2}$ is not, yet by Schoenberg it is positive definite in $\\ell_2$.
Boxes give the refutations: the characters are test vectors, and $\\chi_S^\\top M \\chi_S = 2^d \\lambda_S$."""),
    ("code", SETUP + """
from symrep import certify, check, numeric_spectrum
from symrep.render.documents import certificate_document
from IPython.display import Markdown, display"""),
    ("md", "## Laplace against Gaussian on growing cubes\nThe smallest eigenvalue over all boxes $[a]^d$: positive for Laplace, negative for the Gaussian once the cube is big enough."),
    ("code", """\
dims = range(1, 9)
for name in ("exp(-x)", "exp(-x^2)"):
    plt.plot(list(dims), [numeric_spectrum([0.5] * d, name).min() for d in dims], "o-", label=name)
plt.axhline(0, color="gray"); plt.xlabel("d (cube with side 1/2)"); plt.ylabel("smallest eigenvalue"); plt.legend(); plt.show()"""),
    ("md", "## The smallest refuting box, found live\n`certify` searches box shapes numerically, recomputes the chosen eigenvalue exactly, and proves its sign with ball arithmetic; the independent checker re-verifies everything."),
    ("code", """\
v = certify("exp(-x^2)", "pd-l1")
data = v.certificate["data"]
assert v.status == "fails" and data["sides"] == ["1/2", "1/2"]
assert check(v.certificate)[2] == "fails"   # the independent checker agrees
v"""),
    ("md", "The certificate renders as a LaTeX document (compile it with `symrep render` or `--format pdf`):"),
    ("code", """\
tex = certificate_document(v.certificate)
print(tex[tex.index("\\\\section*{Verification}"):][:900])"""),
    ("md", "## Schoenberg's $\\ell_2$ picture beside it\nIn $\\ell_2$ the Gaussian is positive definite in every dimension: $t \\mapsto f(\\sqrt t) = e^{-t}$ is completely monotone. The same boxes with Euclidean distances have no negative eigenvalue."),
    ("code", """\
for metric in ("l1", "l2"):
    plt.plot(list(dims), [numeric_spectrum([0.5] * d, "exp(-x^2)", metric).min() for d in dims], "o-", label=f"Gaussian, {metric}")
plt.axhline(0, color="gray"); plt.xlabel("d"); plt.legend(); plt.show()
w = certify("exp(-x^2)", "pd-l2")
assert w.status == "holds"
w"""),
    ("md", "## A gallery of kernels\nMatérn, rational quadratic, inverse multiquadric, stable $e^{-x^s}$: holds, fails, or unknown (never guessed)."),
    ("code", """\
rows = ["| f | PD in l1 | PD in l2 |", "|---|---|---|"]
for f in ["exp(-x^(1/2))", "exp(-x^(3/2))", "1/(1+x^2)", "(1+x^2)^(-1/2)", "(1+sqrt(3)*x)*exp(-sqrt(3)*x)"]:
    rows.append(f"| `{f}` | {certify(f, 'pd-l1').status} | {certify(f, 'pd-l2').status} |")
Markdown("\\n".join(rows))"""),
    ("md", "## A family: for which $a$ is $e^{-x^a}$ a positive definite Manhattan kernel?\nAny name other than $x$ is a parameter. `classify` splits the parameter line into regions and proves each one **for every $a$ in it** (the side condition $0 < a \\le 1$ of the derivation by exact root counting; for $a > 1$ the *flat start*: $f'(0+) = 0$ forces a completely monotone $f$ to be constant). Change the range of `alphas` and watch the smallest eigenvalue on growing cubes cross zero at $a = 1$."),
    ("code", """\
from symrep import classify
result = classify("exp(-x^a)", "pd-l1", assume="a > 0")
assert [r.verdict for r in result.regions] == ["holds", "fails"]
display(result)
alphas = np.linspace(0.5, 2, 31)
for d in (2, 4, 6):
    plt.plot(alphas, [numeric_spectrum([0.5] * d, f"exp(-x^{a:.3f})").min() for a in alphas], label=f"cube d = {d}, side 1/2")
plt.axvline(1, color="gray", ls="--"); plt.axhline(0, color="gray")
plt.xlabel("a"); plt.ylabel("smallest eigenvalue"); plt.legend(); plt.show()
Markdown("\\n".join(f"* ${r.region}$: **{r.verdict}** ({r.certificate['method']})" for r in result.regions))"""),
]

NOTEBOOKS["04_metric_transforms"] = [
    ("md", """\
# 4. Metric transforms

When does $f(\\lVert x - y \\rVert_1)$ stay an $\\ell_1$ metric? Exactly when $f$ is a **Bernstein function**
($f(0) = 0$, $f \\ge 0$, $f'$ completely monotone). So $x^s$ works for $0 < s \\le 1$ and $x^2$ does not.
The refutation is a **negative-type witness**: every $\\ell_1$ metric is of negative type, so for $c$ with
$\\sum c = 0$ we need $c^\\top M c \\le 0$. The characters $\\chi_S$, $S \\ne \\emptyset$, sum to zero and give
$c^\\top M c = 2^d \\lambda_S$."""),
    ("code", SETUP + """
from symrep import certify, check, numeric_spectrum
from IPython.display import Markdown, display"""),
    ("md", "## $x^s$ on the unit cubes\nThe largest $\\lambda_S$ with $S \\neq \\emptyset$: it must be $\\le 0$ for an $\\ell_1$ metric."),
    ("code", """\
dims = range(1, 9)
for s in ("1/2", "1", "3/2", "2"):
    worst = [numeric_spectrum([1] * d, f"x^({s})")[1:].max() for d in dims]
    plt.plot(list(dims), worst, "o-", label=f"x^{s}")
plt.axhline(0, color="gray"); plt.xlabel("d"); plt.ylabel("max lambda_S, S nonempty"); plt.legend(); plt.show()"""),
    ("md", "## Certificates\nFor $x^{1/2}$: a derivation in the calculus of Bernstein functions. For $x^2$: a witness (the prover prefers the cheapest proof, here the triangle inequality on a line; the negative-type box witness refutes the squared-Euclidean claim)."),
    ("code", """\
rows = ["| f | claim | verdict | method | reason |", "|---|---|---|---|---|"]
for f, claim in [("x^(1/2)", "l1-to-l1"), ("x^2", "l1-to-l1"), ("x^2", "l1-to-l2sq"), ("x^(3/2)", "l1-to-l2sq")]:
    v = certify(f, claim)
    check(v.certificate)
    rows.append(f"| `{f}` | {claim} | {v.status} | {v.certificate['method']} | {v.reason[:110]} |")
Markdown("\\n".join(rows))"""),
    ("code", """\
v = certify("x^(3/2)", "l1-to-l2sq")
display(v)
assert v.status == "fails" and v.certificate["data"]["kind"] == "not-negative-type\""""),
    ("md", "## Beyond powers\n$\\log(1+x)$, $1 - e^{-x}$, $x/(1+x)$ are Bernstein; $\\tanh$ is not (its derivative is not completely monotone)."),
    ("code", """\
rows = ["| f | l1 to l1 | method |", "|---|---|---|"]
for f in ["log(1+x)", "1 - exp(-x)", "x/(1+x)", "sqrt(1+x) - 1", "tanh(x)", "sqrt(1+x^2) - 1"]:
    v = certify(f, "l1-to-l1")
    rows.append(f"| `{f}` | {v.status} | {v.certificate['method'] if v.certificate else ''} |")
Markdown("\\n".join(rows))"""),
]

NOTEBOOKS["05_low_rank_attention"] = [
    ("md", """\
# 5. Low-rank attention

Softmax attention needs the $n \\times n$ matrix $\\exp(QK^\\top/\\sqrt{d})$. Replace $\\exp$ by a polynomial $P$ of degree $g$
and $P(QK^\\top/\\sqrt{d}) = U_1 U_2^\\top$ has rank at most $r = \\binom{d+g}{g}$, whatever $n$: the cost drops from
$O(n^2 d)$ to $O(n r d)$. For $\\exp$ itself the rank is **not** bounded in terms of $d$ (seed paper): only
polynomials keep rank low. The same holds for third-order tensor attention (Alman–Song)."""),
    ("code", SETUP + """
from symrep import attend, attend_tensor
from symrep.attention.ranks import cube_rank
from symrep import certify
from IPython.display import Markdown, display"""),
    ("md", "## Speed and error of the polynomial method\nThe degree is the lowest whose error bound, proved in ball arithmetic, meets `eps`; on random data the measured error is far below it (the bound is reached only by adversarial rows)."),
    ("code", """\
rng = np.random.default_rng(0)
sizes, t_exact, t_fast, errors = [256, 512, 1024, 2048, 4096], [], [], []
for n in sizes:
    Q, K, V = (rng.uniform(-0.5, 0.5, (n, 4)) for _ in range(3))
    start = time.perf_counter(); exact = attend(Q, K, V, method="exact"); t_exact.append(time.perf_counter() - start)
    start = time.perf_counter(); fast, report = attend(Q, K, V, eps=1e-6, method="polynomial", report=True); t_fast.append(time.perf_counter() - start)
    errors.append(np.abs(fast - exact).max())
display(report)
plt.loglog(sizes, t_exact, "o-", label="exact"); plt.loglog(sizes, t_fast, "s-", label=f"polynomial, rank {report.rank}")
plt.xlabel("n"); plt.ylabel("seconds"); plt.legend(); plt.show()
assert max(errors) < 1e-6
Markdown("| n | " + " | ".join(map(str, sizes)) + " |\\n|---|" + "---|" * len(sizes) + "\\n| max error | "
         + " | ".join("%.1e" % e for e in errors) + " |")"""),
    ("md", "## The rank explosion for $\\exp$\nOn the $\\pm1$ cube the rank of $f(QK^\\top)$ is the number of nonzero $\\lambda_S$, decided exactly level by level. A polynomial of degree $g$ keeps only $|S| \\le g$; $\\exp$ keeps all $2^d$."),
    ("code", """\
dims = range(1, 11)
for f, label in [("exp(x)", "exp"), ("1 + x + x^2/2 + x^3/6", "Taylor degree 3"), ("1 + x + x^2/2", "Taylor degree 2")]:
    plt.semilogy(list(dims), [cube_rank(f, d).rank for d in dims], "o-", label=label)
plt.semilogy(list(dims), [2**d for d in dims], "k--", label="2^d")
plt.xlabel("d"); plt.ylabel("rank of f(QK^T) on the cube"); plt.legend(); plt.show()
cube_rank("1 + x + x^2/2", 6)"""),
    ("md", "## Why only polynomials\n`certify(f, \"low-rank\")` proves it both ways: a polynomial with its feature-map rank bound, a non-polynomial with a proof that it is none and box distance matrices of rank $d+1$ that $f$ maps to full rank $2^d$."),
    ("code", """\
display(certify("1 + x + x^2/2 + x^3/6", "low-rank"))
v = certify("exp(x)", "low-rank")
assert v.status == "fails"
v"""),
    ("md", "## Tensor attention\nThe $n \\times n^2$ attention matrix factors as $U_1 (U_2 \\oslash U_3)^\\top$, and $(U_2 \\oslash U_3)^\\top (V_1 \\oslash V_2) = (U_2^\\top V_1) \\circ (U_3^\\top V_2)$ makes the whole product $O(n r d)$ instead of $O(n^3 d)$."),
    ("code", """\
n = 384
Q, K1, K2, V1, V2 = (rng.uniform(-0.5, 0.5, (n, 4)) for _ in range(5))
start = time.perf_counter(); exact = attend_tensor(Q, [K1, K2], [V1, V2], method="exact"); t1 = time.perf_counter() - start
start = time.perf_counter(); fast, report = attend_tensor(Q, [K1, K2], [V1, V2], eps=1e-6, report=True); t2 = time.perf_counter() - start
assert np.abs(fast - exact).max() < 1e-6
display(report)
Markdown(f"exact {t1:.2f} s, {report.method} {t2:.4f} s: **{t1 / t2:.0f}x** faster, "
         f"max error {np.abs(fast - exact).max():.1e}")"""),
]


def build():
    for name, cells in NOTEBOOKS.items():
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src)
                    for kind, src in cells]
        for i, cell in enumerate(nb.cells):
            cell["id"] = f"{name[:2]}-{i:02d}"  # stable ids: rebuilding gives identical files
        nbformat.validate(nb)
        nbformat.write(nb, HERE / f"{name}.ipynb")
    print(f"wrote {len(NOTEBOOKS)} notebooks to {HERE}")


if __name__ == "__main__":
    build()
