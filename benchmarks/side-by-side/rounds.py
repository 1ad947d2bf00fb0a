"""What the rounds reports share: the rounds in a raw folder that have both engines' JSON, and reading them."""
import glob
import json
import os
import sys


def rounds(raw):
    """Round numbers with both native_N.json and java_N.json in raw, in order; exits when there are none."""
    found = sorted(int(os.path.basename(f)[7:-5]) for f in glob.glob(os.path.join(raw, "native_*.json")))
    found = [r for r in found if os.path.exists(os.path.join(raw, f"java_{r}.json"))]
    if not found:
        sys.exit(f"no native_N.json with java_N.json in {raw}")
    return found


def read(raw, name):
    with open(os.path.join(raw, name), encoding="utf-8") as f:
        return json.load(f)
