"""Check certificates in an interpreter where SymPy, mpmath and numpy cannot be imported (CI runs this).

    python tests/blocked_check.py --reject tests/known_bad --accept GALLERY_FOLDER

Every JSON file under --reject must be rejected; every certificate in the JSON files under --accept (a
gallery's documents: certificates, classifications) must be accepted with the verdict it states, except
the ones listed in NOT_YET (methods the kernel does not read yet: rejected, never accepted wrongly; none
today).
Exit 0 when all is as expected, 1 otherwise, with one line per surprise.
"""

import argparse
import json
import pathlib
import sys


class _Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("sympy", "mpmath", "numpy"):
            raise ImportError(f"{name} is blocked: the kernel must not need it")


#: (document stem, method) of the gallery certificates the kernel does not read yet.
NOT_YET = set()


def _certificates(node):
    if isinstance(node, dict):
        if node.get("format") == "symrep-certificate":
            yield node
            return
        for value in node.values():
            yield from _certificates(value)
    elif isinstance(node, list):
        for value in node:
            yield from _certificates(value)


def main():
    sys.meta_path.insert(0, _Block())
    parser = argparse.ArgumentParser()
    parser.add_argument("--reject", type=pathlib.Path, required=True)
    parser.add_argument("--accept", type=pathlib.Path, required=True)
    args = parser.parse_args()
    import symrep
    from symrep.certificates import CheckError, check

    surprises, rejected, accepted, not_yet = [], 0, 0, 0
    for path in sorted(args.reject.glob("*.json")):
        try:
            symrep.check_file(path)
            surprises.append(f"accepted a known-bad certificate: {path}")
        except CheckError:
            rejected += 1
    for path in sorted(args.accept.glob("*.json")):
        for cert in _certificates(json.loads(path.read_text())):
            try:
                if check(cert)[2] != cert["verdict"]:
                    surprises.append(f"{path}: another verdict")
                accepted += 1
            except CheckError as error:
                if (path.stem, cert.get("method")) in NOT_YET:
                    not_yet += 1
                else:
                    surprises.append(f"{path}: {cert.get('method')} rejected: {error}")
    if any(name.split(".")[0] in ("sympy", "mpmath", "numpy") for name in sys.modules):
        surprises.append("a computer-algebra system was imported")
    print(f"SymPy blocked: {rejected} known-bad certificates rejected, {accepted} gallery certificates accepted, "
          f"{not_yet} not read yet" + (f" ({', '.join(sorted(s for s, _ in NOT_YET))})" if NOT_YET else ""))
    for line in surprises:
        print(line)
    return 1 if surprises or not rejected or not accepted else 0


if __name__ == "__main__":
    sys.exit(main())
