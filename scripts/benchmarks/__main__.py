"""./scripts/bench: picks the benchmark its options name (python -m benchmarks, from the repository root)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitetools import ROOT
from sitetools.building import BUILDERS

from . import __doc__ as ABOUT
from .big_log import CPU_SLOWDOWN, LOG_ENTRIES, log_bench
from .builders import builders_bench
from .lighthouse import lighthouse_bench
from .precache import precache_bench
from .scale import SIZES, scale_bench


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=ABOUT,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", action="store_true", help="measure build scaling instead of running Lighthouse")
    parser.add_argument("--precache", action="store_true",
                        help="only the offline figures: precache size and first-visit bytes per page (no Lighthouse)")
    parser.add_argument("--log", action="store_true",
                        help=f"time the symptom log with {LOG_ENTRIES:,} entries, CPU slowed {CPU_SLOWDOWN}x, and its bytes stored")
    parser.add_argument("--builders", action="store_true",
                        help="MkDocs and Zensical side by side: build time and bytes per page "
                             "(with --lighthouse: Lighthouse on each builder's site too)")
    parser.add_argument("--lighthouse", action="store_true", help="with --builders: also run Lighthouse on both")
    parser.add_argument("--runs", type=int, default=3,
                        help="Lighthouse runs per page; the median-LCP run is reported (default %(default)s)")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="with --scale: page counts to build (default %(default)s)")
    parser.add_argument("--out", type=Path, default=ROOT / ".bench" / "results.json",
                        help="JSON file for the figures, relative to the repository; each mode updates its own section "
                             "(default .bench/results.json; Lighthouse's own reports go beside it)")
    args = parser.parse_args()
    out = args.out.resolve()
    if args.scale:
        return scale_bench(out, tuple(int(n) for n in args.sizes.split(",")))
    if args.precache:
        return precache_bench(out)
    if args.log:
        return log_bench(out, max(1, args.runs))
    if args.builders:
        status = builders_bench(out, max(1, args.runs))
        if args.lighthouse:
            for name in BUILDERS:
                status = status or lighthouse_bench(out, max(1, args.runs), name)
        return status
    return lighthouse_bench(out, max(1, args.runs))


if __name__ == "__main__":
    sys.exit(main())
