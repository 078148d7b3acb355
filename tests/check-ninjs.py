#!/usr/bin/env python3
# check-ninjs.py: every ninjs document "byline --export ID --format ninjs"
# writes is an IPTC ninjs 2.1 document.
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# With BYLINE_NINJS_SCHEMA naming a copy of IPTC's ninjs-schema_2.1.json
# (and python3-jsonschema installed), each document is validated against it.
# No Debian or npm package ships that schema and this build has no other way
# to fetch it, so without one the checks below stand in: the members, types
# and values ninjs 2.1 defines for what Byline writes, read from the
# standard, and what this project promises on top (a stable urn:uuid uri, no
# local paths, a well-formed language tag, a version that grows).
#
# Run by "meson test" (BYLINE_BIN, BYLINE_BUILD_ROOT and BYLINE_SOURCE_ROOT
# come from tests/meson.build). Prints TAP.

import datetime
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

BIN = os.environ.get("BYLINE_BIN")
ROOT = os.environ.get("BYLINE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
BUILD = os.environ.get("BYLINE_BUILD_ROOT")
APP_ID = "io.github.bylinedesk.Byline"

TOP = {
    "uri", "type", "representationtype", "profile", "version", "firstcreated",
    "versioncreated", "contentcreated", "embargoed", "pubstatus", "urgency",
    "copyrightholder", "copyrightnotice", "usageterms", "ednote", "language",
    "descriptions", "bodies", "headlines", "people", "organisations", "places",
    "subjects", "events", "objects", "infosources", "title", "by", "slugline",
    "located", "renditions", "associations", "altids", "trustindicators",
    "standard", "genres", "expires", "rightsinfo",
}
STRINGS = {"profile", "version", "copyrightholder", "copyrightnotice", "usageterms", "ednote",
           "language", "title", "by", "slugline", "located"}
TIMES = {"firstcreated", "versioncreated", "contentcreated", "embargoed", "expires"}
ENUMS = {
    "type": {"text", "audio", "video", "picture", "graphic", "composite", "component"},
    "representationtype": {"full", "partial"},
    "pubstatus": {"usable", "withheld", "canceled"},
}
TEXT_ITEMS = {
    "headlines": {"role", "contenttype", "value"},
    "descriptions": {"role", "contenttype", "value"},
    "bodies": {"role", "contenttype", "charcount", "wordcount", "value"},
}
SUBJECT_ITEM = {"name", "rel", "uri", "literal", "creator", "relevance", "confidence"}
RENDITION_ITEM = {"name", "href", "contenttype", "title", "height", "width", "sizeinbytes",
                  "duration", "format"}
STANDARD = {"name", "version", "schema"}
BCP47 = re.compile(r"^[a-z]{2,3}(-[a-z]{3}){0,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?"
                   r"(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(-[a-wyz0-9](-[a-z0-9]{2,8})+)*"
                   r"(-x(-[a-z0-9]{1,8})+)?$")
UUID = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

n = 0
failed = False


def result(what, problems):
    global n, failed
    n += 1
    if problems:
        failed = True
        print(f"not ok {n} - {what}")
        for p in problems:
            print(f"# {p}")
    else:
        print(f"ok {n} - {what}")
    sys.stdout.flush()


def is_time(value):
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", value):
        return False
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def is_uri(value):
    return isinstance(value, str) and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", value) is not None


def check_document(doc, where, association=False):
    problems = []
    allowed = TOP | ({"name"} if association else set())
    for key in doc:
        if key not in allowed:
            problems.append(f"{where}: “{key}” is no member of ninjs 2.1")
    if not is_uri(doc.get("uri")):
        problems.append(f"{where}: uri {doc.get('uri')!r} is missing or not a URI")
    if association and not isinstance(doc.get("name"), str):
        problems.append(f"{where}: an association needs a name")
    for key in STRINGS & doc.keys():
        if not isinstance(doc[key], str):
            problems.append(f"{where}: {key} is not a string")
    for key in TIMES & doc.keys():
        if not is_time(doc[key]):
            problems.append(f"{where}: {key} {doc[key]!r} is not a date-time")
    for key, values in ENUMS.items():
        if key in doc and doc[key] not in values:
            problems.append(f"{where}: {key} {doc[key]!r} is not one of {sorted(values)}")
    if "language" in doc and not BCP47.match(doc["language"]):
        problems.append(f"{where}: language {doc['language']!r} is no BCP 47 tag")
    for key, fields in TEXT_ITEMS.items():
        if key not in doc:
            continue
        if not isinstance(doc[key], list) or not doc[key]:
            problems.append(f"{where}: {key} is not an array of objects")
            continue
        for item in doc[key]:
            if not isinstance(item, dict) or not isinstance(item.get("value"), str) or set(item) - fields:
                problems.append(f"{where}: {key} item {item!r} has no value or other members")
            for number in ("charcount", "wordcount"):
                if number in item and not isinstance(item[number], (int, float)):
                    problems.append(f"{where}: {key} {number} is not a number")
    if "subjects" in doc:
        for item in doc["subjects"]:
            if not isinstance(item, dict) or set(item) - SUBJECT_ITEM or not isinstance(item.get("name"), str):
                problems.append(f"{where}: subject {item!r}")
    if "standard" in doc:
        if not isinstance(doc["standard"], dict) or set(doc["standard"]) - STANDARD:
            problems.append(f"{where}: standard {doc['standard']!r}")
    for item in doc.get("renditions", []):
        if not isinstance(item, dict) or "name" not in item or set(item) - RENDITION_ITEM:
            problems.append(f"{where}: rendition {item!r}")
        elif "href" in item and not re.match(r"^https?://", item["href"]):
            problems.append(f"{where}: rendition href {item['href']!r} is not on the web")
    if "associations" in doc:
        if not isinstance(doc["associations"], list):
            problems.append(f"{where}: associations is not an array (ninjs 2 changed that)")
        else:
            for i, item in enumerate(doc["associations"]):
                problems += check_document(item, f"{where}.associations[{i}]", association=True)
    return problems


def check_promises(doc, text, where, uuid):
    problems = []
    standard = doc.get("standard", {})
    if standard.get("name") != "ninjs" or standard.get("version") != "2.1":
        problems.append(f"{where}: standard {standard!r} does not declare ninjs 2.1")
    if not UUID.match(doc.get("uri", "")) or doc["uri"] != f"urn:uuid:{uuid}":
        problems.append(f"{where}: uri {doc.get('uri')!r} is not urn:uuid:{uuid}")
    if "file:" in text or re.search(r'"/(tmp|home|etc|proc|root|srv)/', text):
        problems.append(f"{where}: a local path went out")
    for gone in ("firstpublished", "keywords", "headline", "body_html", "description_text", "byline", "subject"):
        if gone in doc:
            problems.append(f"{where}: {gone} is a ninjs 1 member")
    return problems


def validate_with_schema(schema_path, docs):
    try:
        import jsonschema
    except ImportError:
        return ["BYLINE_NINJS_SCHEMA is set but python3-jsonschema is not installed"]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for where, doc in docs:
        for error in validator.iter_errors(doc):
            problems.append(f"{where}: {error.message} at {list(error.absolute_path)}")
    return problems


SAMPLES = {
    "picture-local.md": """---
headline: Lifeboat crew rescue five off Skerry Point
standfirst: Volunteers battled gale-force winds for three hours.
byline: Sam Holt and Ana García
dateline: SKERRY
tags: lifeboat, rescue
status: published
published: 2024-02-14T09:05:00+00:00
language: en-GB
image: lifeboat.png
caption: The lifeboat returns at dawn.
credit: RNLI/Sam Holt
image_alt: An orange lifeboat in a grey sea
---

The crew launched at 3 am.

READ: Ferry fares rise in March

Five people were aboard.
""",
    "picture-web.md": """---
headline: Fish market moves to the east quay
byline: Priya Nair
status: draft
language: not a language
image: https://photos.example.org/market.jpg
caption: Stalls on the east quay.
---

Traders moved on Monday.
""",
    "bare.md": """---
headline: Tide tables for March
status: approved
language: ""
---

High water at 06:12.
""",
}


def main():
    if not BIN or not os.access(BIN, os.X_OK):
        print("Bail out! BYLINE_BIN does not name the built byline program; run this through meson test.")
        return 1

    tmp = tempfile.mkdtemp(prefix="byline-check-ninjs-")
    try:
        env = dict(os.environ)
        for name in ("DISPLAY", "WAYLAND_DISPLAY"):
            env.pop(name, None)
        config = os.path.join(tmp, "config")
        env.update(XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=config,
                   GSETTINGS_BACKEND="keyfile")
        if BUILD:
            env["GSETTINGS_SCHEMA_DIR"] = os.path.join(BUILD, "data")

        samples = os.path.join(tmp, "samples")
        shutil.copytree(os.path.join(ROOT, "tests", "samples", "cli"), samples)
        with open(os.path.join(samples, "lifeboat.png"), "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\nlifeboat")
        # The picture hostile.md names, as tests/check-html.sh makes it: an
        # import leaves out (and says so) a picture that is not there.
        with open(os.path.join(samples, 'x" onerror="alert(1)<b>.png'), "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\nhostile")
        for name, text in SAMPLES.items():
            with open(os.path.join(samples, name), "w", encoding="utf-8") as f:
                f.write(text)

        db = os.path.join(tmp, "newsroom.db")
        files = sorted(os.path.join(samples, f) for f in os.listdir(samples) if f.endswith((".md", ".txt")))
        imported = subprocess.run([BIN, "--database", db, "--import", *files], env=env,
                                  capture_output=True, text=True)
        result(f"import {len(files)} samples", [imported.stderr] if imported.returncode else [])

        listed = subprocess.run([BIN, "--database", db, "--list"], env=env, capture_output=True, text=True)
        ids = [line.split("\t")[0] for line in listed.stdout.splitlines()]
        # Python's own sqlite3: a build machine need not have the sqlite3 program.
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            stored = {str(i): (uuid, headline)
                      for i, uuid, headline in conn.execute("SELECT id, uuid, headline FROM articles")}
        uuids = {article_id: stored[article_id][0] for article_id in ids}

        docs = []
        settings = os.path.join(config, "glib-2.0", "settings")
        os.makedirs(settings, exist_ok=True)
        for address in ("", "https://news.example.org/"):
            with open(os.path.join(settings, "keyfile"), "w", encoding="utf-8") as f:
                f.write(f"[io/github/bylinedesk/Byline]\npublication-base-url='{address}'\n")
            for article_id in ids:
                out = os.path.join(tmp, f"{article_id}-{'web' if address else 'local'}.json")
                run = subprocess.run([BIN, "--database", db, "--export", article_id, "--format", "ninjs",
                                      "--output", out], env=env, capture_output=True, text=True)
                where = f"article {article_id} {'with' if address else 'without'} a web address"
                if run.returncode != 0:
                    result(where, [run.stderr])
                    continue
                with open(out, encoding="utf-8") as f:
                    text = f.read()
                doc = json.loads(text)
                docs.append((where, doc))
                result(f"{where}: ninjs 2.1 members, types and values",
                       check_document(doc, where) + check_promises(doc, text, where, uuids[article_id]))

        # The picture: a web address when there is one, never a path.
        by_where = dict(docs)
        lifeboat = next(i for i in ids if "Lifeboat" in stored[i][1])
        local = by_where[f"article {lifeboat} without a web address"]
        web = by_where[f"article {lifeboat} with a web address"]
        result("a local picture is left out without a web address", ["associations"] if "associations" in local else [])
        href = web.get("associations", [{}])[0].get("renditions", [{}])[0].get("href")
        # Kept in the newsroom, written under the first 16 hex digits of its
        # SHA-256 with its type's extension.
        kept = hashlib.sha256(b"\x89PNG\r\n\x1a\nlifeboat").hexdigest()[:16]
        result("a local picture is named under the web address with one",
               [] if href == f"https://news.example.org/images/{kept}.png" else [repr(href)])
        result("the uri is the same with and without a web address",
               [] if local["uri"] == web["uri"] else [local["uri"], web["uri"]])

        schema = os.environ.get("BYLINE_NINJS_SCHEMA")
        if schema:
            result(f"every document passes the official schema ({os.path.basename(schema)})",
                   validate_with_schema(schema, docs))
        else:
            global n
            n += 1
            print(f"ok {n} - the official IPTC schema # SKIP set BYLINE_NINJS_SCHEMA to a copy of "
                  "ninjs-schema_2.1.json: no package ships it")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
