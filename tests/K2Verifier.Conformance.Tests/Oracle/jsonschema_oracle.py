"""Differential-test oracle: python-jsonschema's verdict for each {"schema", "instance"} line of a JSONL file.

Usage: python3 jsonschema_oracle.py CASES.jsonl
Prints one line per input line, in order: valid | invalid | schema-error | error:<ExceptionType>.
Uses jsonschema.validate(instance, schema) exactly as K2-Vendor-Verifier does (validator_for picks the draft from
$schema, 2020-12 when absent; check_schema first; no format checker for the instance).
"""
import json
import sys
import warnings

import jsonschema

warnings.simplefilter("ignore")


def verdict(schema, instance):
    try:
        jsonschema.validate(instance, schema)
        return "valid"
    except jsonschema.exceptions.SchemaError:
        return "schema-error"
    except jsonschema.exceptions.ValidationError:
        return "invalid"
    except Exception as error:  # noqa: BLE001 - unresolvable refs, recursion: reported, compared as schema faults
        return "error:" + type(error).__name__


def main():
    out = sys.stdout
    with open(sys.argv[1], encoding="utf-8") as cases:
        for line in cases:
            case = json.loads(line)
            out.write(verdict(case["schema"], case["instance"]) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
