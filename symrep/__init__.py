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

from .checker import CheckError, check, check_file
from .errors import InputError, LimitError, ParseError, SymrepError
from .expressions import parse_expression
from .geometry import Hyperrectangle
from .kernels import Kernel
from .metrics import get_metric
from .spectra import Eigenspace, Spectrum, numeric_spectrum, spectrum
from .verdicts import Certificate, Verdict, certify

__version__ = "0.1.0"

__all__ = [
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
