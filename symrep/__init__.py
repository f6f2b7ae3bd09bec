"""symrep: the representation theory of the hyperrectangle, made computable.

Closed-form spectra of ``f(distance)`` on a box, with the characters of ``Z_2^d``
as eigenvectors, exact (SymPy) or by a fast Walsh-Hadamard transform (numpy).

Examples
--------
>>> from symrep import Hyperrectangle, spectrum
>>> sp = spectrum(Hyperrectangle([1, 1]), "exp(-x)")
>>> [(e.label, e.multiplicity, e.value) for e in sp]
[('s=(0)', 1, exp(-2) + 2*exp(-1) + 1), ('s=(1)', 2, 1 - exp(-2)), ('s=(2)', 1, -2*exp(-1) + exp(-2) + 1)]
"""

from symrep.certificates import CheckError, check, check_file
from symrep.errors import InputError, LimitError, ParseError, SymrepError
from symrep.geometry.expressions import parse_expression
from symrep.geometry.boxes import Hyperrectangle
from symrep.geometry.kernels import Kernel
from symrep.geometry.metrics import get_metric
from symrep.spectra.closed_form import Eigenspace, Spectrum, numeric_spectrum, spectrum
from symrep.analysis.verdicts import Certificate, Verdict, certify

from symrep.version import __version__  # noqa: E402  (re-exported)

__all__ = [
    "__version__",
    "Certificate",
    "CheckError",
    "Eigenspace",
    "Hyperrectangle",
    "InputError",
    "Kernel",
    "LimitError",
    "ParseError",
    "Spectrum",
    "SymrepError",
    "Verdict",
    "certify",
    "check",
    "check_file",
    "get_metric",
    "numeric_spectrum",
    "parse_expression",
    "spectrum",
]
