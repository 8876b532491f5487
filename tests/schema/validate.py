"""Validate JSON documents against a JSON Schema with the jsonschema module.

    python3 tests/schema/validate.py SCHEMA FILE...

The schema's "$schema" picks the draft (draft-07 for spec/dlg.schema.json,
draft-04 for SARIF 2.1.0). Prints one line per invalid file with every
error's place in the document, then a summary; exit status 1 when a file is
invalid or not JSON, 2 when the schema itself is not valid.
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) < 2:
        print("usage: validate.py SCHEMA FILE...", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print(f"{argv[0]}: not a valid schema: {e.message}", file=sys.stderr)
        return 2
    validator = cls(schema)
    bad = 0
    for name in argv[1:]:
        try:
            with open(name, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            print(f"not ok - {name}: not JSON: {e}")
            bad += 1
            continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errors:
            bad += 1
            print(f"not ok - {name}: {len(errors)} error(s)")
            for e in errors[:10]:
                where = "/".join(str(p) for p in e.absolute_path) or "(the document)"
                print(f"    at {where}: {e.message[:300]}")
    print(f"schema: {argv[0]}: {len(argv) - 1 - bad} valid, {bad} invalid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
