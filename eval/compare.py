#!/usr/bin/env python3
"""Compares two builds whose candidates differ (another encoder, another parser, another index),
each measured as the fusion would ship it: the pairwise fusion fitted by the same grouped
cross-validation as eval/fusion.py, on each build's own features.

  eval/compare.py A_DIR B_DIR [--real dev] [--sets dev,nuxt,seed,i18n]

A_DIR and B_DIR each hold features/SET.jsonl written by `helpsearch eval --features` (eval/fit
leaves them in its work folder). Prints per set MRR@10 of A against B with the paired
randomization test, and per query type on the real-user set. The two builds must have been run on
the same query sets; the feature names may differ.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fusion  # noqa: E402


def cross_validated_rr(folder, sets, folds):
    names, queries = None, []
    for s in sets:
        names, part = fusion.load(s, os.path.join(folder, "features", s + ".jsonl"))
        queries += part
    per_query = fusion.cross_validated(fusion.pairwise_logistic(names), names, queries, folds)
    return queries, per_query[:, 0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--real", default="dev")
    parser.add_argument("--sets", default="dev,nuxt,seed,i18n")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    sets = args.sets.split(",")
    qa, a = cross_validated_rr(args.a, sets, args.folds)
    qb, b = cross_validated_rr(args.b, sets, args.folds)
    if [q["set"] + q["id"] for q in qa] != [q["set"] + q["id"] for q in qb]:
        sys.exit("compare.py: the two folders hold different queries; run both builds on the same sets")
    print(f"pairwise fusion, cross-validated MRR@10: {args.a} (A) against {args.b} (B)")
    for s in sets:
        idx = [i for i, q in enumerate(qa) if q["set"] == s]
        p = fusion.randomization_test(a[idx], b[idx])
        print(f"{s:8} n={len(idx):4}  A {a[idx].mean():.3f}  B {b[idx].mean():.3f}  "
              f"A-B {a[idx].mean() - b[idx].mean():+.3f}  p = {p:.3f}")
        if s == args.real:
            for t in sorted({qa[i]["type"] for i in idx}):
                it = [i for i in idx if qa[i]["type"] == t]
                print(f"    {t:10} n={len(it):3}  A {a[it].mean():.3f}  B {b[it].mean():.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
