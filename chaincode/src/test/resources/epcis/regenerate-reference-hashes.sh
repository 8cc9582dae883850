#!/usr/bin/env bash
# Regenerates reference-hashes.json: the CBV 2.0 event hash of every event in examples/ (the official
# GS1 EPCIS 2.0 examples, unchanged) and heitu/ (our own event shapes), as computed by the reference
# implementation, the Python package epcis-event-hash-generator
# (https://github.com/RalphTro/epcis-event-hash-generator). EventHashTest checks the Java
# implementation against these vectors. CI does not run this script; it needs Python 3 and PyPI.
#
#   ./regenerate-reference-hashes.sh                 # installs the reference into a temporary venv
#   HASHGEN_PYTHON=/path/to/python ./regenerate-...  # uses a Python that already has it installed
#
# Documents the reference cannot hash, or hashes wrongly, are listed in KNOWN_PROBLEMS below with the
# reason; they land in the fixture's "excluded" section. Any other failure stops the script.
set -euo pipefail

VERSION=1.9.3
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT

if [[ -n "${HASHGEN_PYTHON:-}" ]]; then
  python="$HASHGEN_PYTHON"
else
  python3 -m venv "$workdir/venv"
  "$workdir/venv/bin/pip" install --quiet "epcis-event-hash-generator==$VERSION"
  python="$workdir/venv/bin/python"
fi

"$python" - "$here" "$VERSION" > "$workdir/reference-hashes.json" <<'PYTHON'
import json
import os
import sys

from epcis_event_hash_generator import hash_generator, json_to_py

here, version = sys.argv[1], sys.argv[2]

KNOWN_PROBLEMS = {
    "examples/Example-TransactionEvents-2020_07_03y.jsonld":
        "reference error: its @context declares term definitions ({\"@type\": ...}) next to the prefix,"
        " which the reference cannot read (TypeError: can only concatenate str (not \"dict\") to str);"
        " also the first event's bizTransaction has no type, which the reference cannot pair (IndexError)",
    "examples/WithFullCombinationOfFields__transformation_event_all_possible_fields.jsonld":
        "reference error: the document redefines the protected JSON-LD term cbvmda, so the JSON-LD"
        " expansion the reference runs first fails (protected term redefinition)",
    "examples/WithSensorData__SensorDataExample7.jsonld":
        "reference result wrong: the reference reads every value that parses as a number through a binary"
        " double, turning stringValue 111100001111000011110000 (24 binary digits) into"
        " 111100001111000003641344; EventHash keeps all digits",
}

NOTES = {
    "examples/EPCISQueryDocument.jsonld":
        "the reference reads only EPCISDocument bodies, so the query result's events were hashed inside an"
        " EPCISDocument with the same @context",
}


def document_for_reference(document):
    body = document.get("epcisBody", {})
    if "queryResults" not in body:
        return document
    return {
        "@context": document.get("@context"),
        "type": "EPCISDocument",
        "schemaVersion": document.get("schemaVersion"),
        "creationDate": document.get("creationDate"),
        "epcisBody": {"eventList": body["queryResults"]["resultsBody"]["eventList"]},
    }


def event_count(document):
    body = document["epcisBody"]
    return len(body["eventList"]) if "eventList" in body else 1


fixture = {
    "generator": "epcis-event-hash-generator " + version,
    "regenerate": "regenerate-reference-hashes.sh",
    "notes": NOTES,
    "excluded": {},
}
for folder in ("examples", "heitu"):
    fixture[folder] = {}
    for name in sorted(os.listdir(os.path.join(here, folder))):
        if not name.endswith(".jsonld"):
            continue
        key = folder + "/" + name
        if key in KNOWN_PROBLEMS:
            fixture["excluded"][key] = KNOWN_PROBLEMS[key]
            continue
        with open(os.path.join(here, folder, name), encoding="utf-8") as file:
            document = document_for_reference(json.load(file))
        # The reference collects namespace prefixes into a module-level dict: start each document clean.
        json_to_py._namespaces.clear()
        events = json_to_py.event_list_from_epcis_document_json(document)
        hashes = hash_generator.calculate_hashes_from_pre_hashes(hash_generator.derive_prehashes_from_events(events))
        if len(hashes) != event_count(document):
            sys.exit(key + ": the reference skipped an event; add it to KNOWN_PROBLEMS with the reason")
        fixture[folder][name] = hashes

json.dump(fixture, sys.stdout, indent=2, sort_keys=True, ensure_ascii=False)
print()
PYTHON

mv "$workdir/reference-hashes.json" "$here/reference-hashes.json"
echo "wrote $here/reference-hashes.json"
