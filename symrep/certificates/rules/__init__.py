"""The kernel's proof rules, one module per family, each rule citing the theorem it rests on.

* :mod:`~symrep.certificates.rules.function`: the certificate's function on its claim's domain (``f(0)``
  as written, values at exact points, the restriction to ``(0, oo)``);
* :mod:`~symrep.certificates.rules.witnesses`: refutations on a box, at a point, on three points of a
  line, and by a derivative;
* :mod:`~symrep.certificates.rules.zeros`: a completely monotone function with a zero is identically 0.

They stand on the kernel (:mod:`~symrep.certificates.terms`, :mod:`~symrep.certificates.normal_form`,
:mod:`~symrep.certificates.enclosures`, :mod:`~symrep.certificates.domains`) and import no
computer-algebra system.
"""
