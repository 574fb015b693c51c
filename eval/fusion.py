#!/usr/bin/env python3
"""Fits and measures the fusion stage offline, on candidate features written by
`helpsearch eval --features FILE` (one file per query set).

  eval/fusion.py SET=FILE [SET=FILE ...] [--real SET] [--folds 5] [--write-model PATH]

Every method is measured the same way: grouped k-fold cross-validation over the union of the
sets (all queries of one topic in one fold), so a fitted method is always scored on queries it
was not fitted on. Prints per set and query type MRR@10 and S@1 with 95% bootstrap intervals,
and a paired randomization test against the baseline on the real-user set.

Only numpy; every random choice is seeded, so two runs print the same.
"""
import argparse
import json
import sys

import numpy as np

DEPTH = 10
RNG_SEED = 20261203


def load(name, path):
    queries = []
    with open(path) as f:
        for line in f:
            q = json.loads(line)
            seen = set()
            urls, rows, lexical = [], [], []
            for c in q["candidates"]:
                if c["url"] in seen:
                    continue
                seen.add(c["url"])
                urls.append(c["url"])
                rows.append(c["f"])
                lexical.append(c["lexical"])
            names = list(q["names"])
            rows = np.array(rows, dtype=float).reshape(len(rows), len(names))
            grades = np.array([q["grades"].get(u, 0) for u in urls], dtype=float)
            queries.append({
                "set": name, "id": q["id"], "type": q["type"], "topic": name + ":" + q["topic"], "query": q["query"],
                "F": rows, "grades": grades,
                "lexical": np.array(lexical, dtype=bool),
                "ideal": sorted(q["grades"].values(), reverse=True),
                "knownShare": q.get("knownShare", 1.0),
                "offTopic": q.get("offTopic", 0.0),
            })
    return names, queries


def rank_order(scores):
    # stable: on a tie the candidate order (lexical ranking first) stands
    return np.argsort(-scores, kind="stable")


def measures(q, scores):
    order = rank_order(scores)[:DEPTH]
    g = q["grades"][order]
    hits = np.nonzero(g >= 2)[0]
    rr = 1.0 / (hits[0] + 1) if len(hits) else 0.0
    s1 = 1.0 if len(g) and g[0] >= 2 else 0.0
    gains = (2 ** g - 1) / np.log2(np.arange(2, len(g) + 2))
    ideal = np.array(q["ideal"][:DEPTH], dtype=float)
    idcg = ((2 ** ideal - 1) / np.log2(np.arange(2, len(ideal) + 2))).sum()
    return rr, s1, (gains.sum() / idcg if idcg > 0 else 0.0)


class Linear:
    """score = w . f over named features; a method is a function of (names, train queries) -> Linear."""

    def __init__(self, names, weights):
        self.names = names
        self.w = np.array([weights.get(n, 0.0) for n in names])

    def scores(self, q):
        return q["F"] @ self.w if len(q["F"]) else np.zeros(0)

    def as_dict(self):
        return {n: round(float(v), 4) for n, v in zip(self.names, self.w) if v != 0}


class Floored(Linear):
    """A model whose documents found by meaning alone are shown only when they are close enough
    to the question to make it answerable on their own: their similarity above the corpus's
    off-topic level reaches the no-results rule's."""

    def __init__(self, inner, floor):
        self.names, self.w, self.inner, self.floor = inner.names, inner.w, inner, floor

    def scores(self, q):
        s = self.inner.scores(q)
        if not len(s):
            return s
        sim = q["F"][:, self.names.index("similarity")] - q["offTopic"]
        return np.where(q["lexical"] | (sim >= self.floor), s, -1e9)


def floored(method, floor):
    def fit(names, train):
        return Floored(method(names, train), floor)
    return fit


def mean_rr(model, queries):
    return float(np.mean([measures(q, model.scores(q))[0] for q in queries]))


def coordinate_ascent(names, train, start, features, rounds=4, steps=(-1, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 1)):
    """Metzler and Croft's coordinate ascent on MRR@10: one weight at a time, a line search over
    a few steps, kept only when the training objective improves."""
    model = Linear(names, start)
    best = mean_rr(model, train)
    for _ in range(rounds):
        improved = False
        for name in features:
            i = names.index(name)
            base = model.w[i]
            for step in steps:
                model.w[i] = base + step
                value = mean_rr(model, train)
                if value > best + 1e-9:
                    best, base, improved = value, model.w[i], True
            model.w[i] = base
        if not improved:
            break
    return model


def folds_of(queries, k):
    topics = sorted({q["topic"] for q in queries})
    rng = np.random.default_rng(RNG_SEED)
    rng.shuffle(topics)
    fold = {t: i % k for i, t in enumerate(topics)}
    return [fold[q["topic"]] for q in queries]


def cross_validated(method, names, queries, k):
    """Per query, its measures under a model fitted on the other folds."""
    fold = folds_of(queries, k)
    out = [None] * len(queries)
    for f in range(k):
        train = [q for q, g in zip(queries, fold) if g != f]
        model = method(names, train)
        for i, q in enumerate(queries):
            if fold[i] == f:
                out[i] = measures(q, model.scores(q))
    return np.array(out)


def bootstrap_ci(values, n=2000):
    rng = np.random.default_rng(RNG_SEED)
    if len(values) == 0:
        return (0.0, 0.0)
    means = rng.choice(values, size=(n, len(values)), replace=True).mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def randomization_test(a, b, n=20000):
    """Two-sided paired randomization (sign-flip) test of mean(a - b) = 0."""
    rng = np.random.default_rng(RNG_SEED)
    d = np.asarray(a) - np.asarray(b)
    observed = abs(d.mean())
    flips = rng.choice([-1.0, 1.0], size=(n, len(d)))
    return float((np.abs((flips * d).mean(axis=1)) >= observed - 1e-12).mean())


# --- the methods compared -------------------------------------------------------------------

def fixed(weights):
    return lambda names, train: Linear(names, weights)


class SitsOut(Linear):
    """Today's fusion: lexical ranks plus semantic ranks, except on queries where the semantic
    side sits out (typing, one or two words, short identifier queries)."""

    def scores(self, q):
        F = q["F"]
        if not len(F):
            return np.zeros(0)
        col = {n: i for i, n in enumerate(self.names)}
        sits_out = any(F[:, col[n]].any() for n in ("semanticRankShort", "semanticRankTyping", "semanticRankIdentifier"))
        return F[:, col["lexicalRank"]] + (0 if sits_out else F[:, col["semanticRank"]])


def current_pipeline(names, train):
    return SitsOut(names, {})


def pairwise_logistic(features, l2=0.01, epochs=400, rate=1.0):
    """A linear RankNet: minimizes the logistic loss of every (answer, non-answer) pair's score
    difference within a query, each query weighing the same, plus an L2 penalty on standardized
    weights. Smooth and convex, so it cannot chase the step function MRR is on a few hundred
    queries the way a direct search of MRR can."""
    def fit(names, train):
        idx = [names.index(f) for f in features]
        allF = np.vstack([q["F"][:, idx] for q in train if len(q["F"])])
        scale = allF.std(axis=0)
        scale[scale == 0] = 1.0
        diffs, weights = [], []
        for q in train:
            pos = np.nonzero(q["grades"] >= 2)[0]
            neg = np.nonzero(q["grades"] == 0)[0]
            if not len(pos) or not len(neg):
                continue
            F = q["F"][:, idx] / scale
            d = (F[pos][:, None, :] - F[neg][None, :, :]).reshape(-1, len(idx))
            diffs.append(d)
            weights.append(np.full(len(d), 1.0 / len(d)))
        D = np.vstack(diffs)
        W = np.concatenate(weights) / len(diffs)
        w = np.zeros(len(idx))
        for _ in range(epochs):
            z = D @ w
            p = 1 / (1 + np.exp(np.clip(z, -30, 30)))
            grad = -(D * (W * p)[:, None]).sum(axis=0) + l2 * w
            w -= rate * grad
        return Linear(names, {f: float(v / sc) for f, v, sc in zip(features, w, scale)})
    return fit


def learned(features):
    def fit(names, train):
        start = {"lexicalRank": 1, "semanticRank": 1}
        return coordinate_ascent(names, train, start, features)
    return fit


def report(label, per_query, queries, real):
    rows = {}
    for q, m in zip(queries, per_query):
        rows.setdefault((q["set"], "ALL"), []).append(m)
        rows.setdefault((q["set"], q["type"]), []).append(m)
    print(f"\n## {label}")
    print(f"{'set':10} {'type':11} {'n':>4} {'MRR@10':>7} {'95% CI':>15} {'S@1':>6} {'nDCG':>6}")
    for (s, t), ms in sorted(rows.items(), key=lambda kv: (kv[0][0] != real, kv[0][0], kv[0][1] != "ALL", kv[0][1])):
        ms = np.array(ms)
        lo, hi = bootstrap_ci(ms[:, 0])
        print(f"{s:10} {t:11} {len(ms):4d} {ms[:, 0].mean():7.3f} [{lo:.3f}, {hi:.3f}] {ms[:, 1].mean():6.3f} {ms[:, 2].mean():6.3f}")


def select_by_cv(variants, methods, names, k, real):
    """Nested choice: in every fold, the (lexical variant, fusion method) with the best training
    MRR is picked and scored on the held-out fold. The estimate is of the whole procedure of
    choosing, so trying many variants cannot flatter it."""
    first = next(iter(variants.values()))
    fold = folds_of(first, k)
    n = len(first)
    chosen, outcome = [], [None] * n
    table = {}
    for f in range(k):
        best = None
        for vname, queries in variants.items():
            train = [q for q, g in zip(queries, fold) if g != f]
            for mname, method in methods.items():
                model = method(names, train)
                train_mrr = mean_rr(model, train)
                test = [measures(q, model.scores(q)) for q, g in zip(queries, fold) if g == f]
                table.setdefault((vname, mname), []).extend(test)
                if best is None or train_mrr > best[0] + 1e-9:
                    best = (train_mrr, vname, mname, model)
        _, vname, mname, model = best
        chosen.append(f"{vname}/{mname}")
        for i, q in enumerate(variants[vname]):
            if fold[i] == f:
                outcome[i] = measures(q, model.scores(q))
    print("\n## every (variant, method), cross-validated MRR@10 per set")
    sets = sorted({q["set"] for q in first})
    print(f"{'variant/method':28}" + "".join(f"{s:>8}" for s in sets) + f"{'all':>8}")
    order = [i for f_ in range(k) for i in range(n) if fold[i] == f_]
    for (vname, mname), ms in sorted(table.items()):
        per_query = np.empty(n)
        per_query[order] = np.array(ms)[:, 0]
        cells = "".join(f"{per_query[[i for i, q in enumerate(first) if q['set'] == s]].mean():8.3f}" for s in sets)
        print(f"{vname + '/' + mname:28}{cells}{per_query.mean():8.3f}")
    print("\nchosen per fold:", ", ".join(chosen))
    return np.array(outcome)


def query_evidence(q, names):
    """Its best similarity above the corpus's off-topic level (OffTopic in the search core), whether
    a document holds enough of its words, and the share of its words the index knows."""
    col = {n: i for i, n in enumerate(names)}
    F = q["F"]
    base = q["offTopic"]
    if not len(F):
        return -base, False, q["knownShare"]
    return float(F[:, col["similarity"]].max()) - base, bool(F[:, col["strictMatch"]].any()), q["knownShare"]


def answerable(evidence, tau, kappa):
    """A question has results when some document holds enough of its words and the index knows
    enough of them, or when some document is close enough in meaning."""
    similarity, strict, known = evidence
    return (strict and known >= kappa) or similarity >= tau


def calibrate_no_results(judged, unrelated, names, k, taus, kappas):
    """Chooses (tau, kappa) by cross-validation: on the training folds, the choice that leaves every
    judged question with results and the most unrelated ones without; scored on the
    held-out folds."""
    rrf = Linear(names, {"lexicalRank": 1, "semanticRank": 1})
    allq = judged + unrelated
    rr = [measures(q, rrf.scores(q))[0] for q in judged] + [None] * len(unrelated)
    ev = [query_evidence(q, names) for q in allq]
    is_judged = [True] * len(judged) + [False] * len(unrelated)
    fold = folds_of(allq, k)

    def utility(idx, tau, kappa):
        # a real question left without results is worse than an unrelated one with some: keep
        # every judged question answerable, then cut as many unrelated ones as possible
        kept_ = min(np.mean([answerable(ev[i], tau, kappa) for i in idx if is_judged[i] and allq[i]["set"] == s_])
                    for s_ in {allq[i]["set"] for i in idx if is_judged[i]})
        cut_ = np.mean([not answerable(ev[i], tau, kappa) for i in idx if not is_judged[i]])
        return cut_ if kept_ >= 1.0 else kept_ - 1

    kept, cut, chosen = [], [], []
    for f in range(k):
        train = [i for i in range(len(allq)) if fold[i] != f]
        test = [i for i in range(len(allq)) if fold[i] == f]
        tau, kappa = max(((t, c) for t in taus for c in kappas), key=lambda tc: utility(train, *tc))
        chosen.append((tau, kappa))
        kept += [answerable(ev[i], tau, kappa) for i in test if is_judged[i]]
        cut += [not answerable(ev[i], tau, kappa) for i in test if not is_judged[i]]
    # the most cautious of the folds' choices, each knob on its own: past the judged questions' edge, a real question
    # with fewer of its words in the index falls under it sooner than an unrelated one gets above
    whole = (min(t for t, _ in chosen), min(c for _, c in chosen))
    print("\n## no results: (tau, kappa) by cross-validation")
    print("chosen per fold:", chosen)
    lo, hi = bootstrap_ci(np.array(kept, dtype=float))
    print(f"held-out judged questions keeping results: {np.mean(kept):.3f} [{lo:.3f}, {hi:.3f}] of {len(kept)}")
    lo, hi = bootstrap_ci(np.array(cut, dtype=float))
    print(f"held-out unrelated questions with no results: {np.mean(cut):.3f} [{lo:.3f}, {hi:.3f}] of {len(cut)}")
    print(f"shipped, the most cautious fold's choice: tau {whole[0]}, kappa {whole[1]}")
    return whole


# similarity is measured above the corpus's off-topic level, as the no-results rule does
ANSWER_SIGNALS = ["coverage", "lead", "position", "lexicalFirst", "semanticFirst", "similarityAboveOffTopic", "strictMatch"]


def answer_case(q, model, names):
    """The in-app answer's candidate under a ranking: the first section (not a whole article),
    with what a support engineer would look at to trust it, and whether it is right."""
    col = {n: i for i, n in enumerate(names)}
    if not len(q["F"]):
        return None
    scores = model.scores(q)
    # what the floor dropped is not shown at all, as in the search core
    order = [i for i in rank_order(scores) if scores[i] > -1e8][:5]
    for position, i in enumerate(order):
        if q["F"][i, col["article"]] == 1:
            continue
        # the fused score is a linear model fitted on pairs, so a difference of scores is the log-odds
        # that it beats the next hit; a ratio of two such scores would mean nothing. Alone, no lead.
        lead = scores[i] - scores[order[position + 1]] if position + 1 < len(order) else 0.0
        F = q["F"][i]
        x = [F[col["coverage"]], lead, position, float(F[col["lexicalTop"]] == 1), float(F[col["semanticTop"]] == 1),
             F[col["similarity"]] - q["offTopic"], F[col["strictMatch"]]]
        return np.array(x), q["grades"][i] >= 2
    return None


def fit_logistic(X, y, l2=0.01, epochs=3000, rate=0.5):
    """Logistic regression by gradient descent on standardized signals; the weights returned
    apply to the raw signals."""
    mu, sd = X.mean(axis=0), X.std(axis=0)
    sd[sd == 0] = 1.0
    Xb = np.hstack([np.ones((len(X), 1)), (X - mu) / sd])
    w = np.zeros(Xb.shape[1])
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-np.clip(Xb @ w, -30, 30)))
        grad = Xb.T @ (p - y) / len(y) + l2 * np.r_[0, w[1:]]
        w -= rate * grad
    raw = w[1:] / sd
    return np.r_[w[0] - (raw * mu).sum(), raw]


def confidence(w, X):
    return 1 / (1 + np.exp(-np.clip(np.hstack([np.ones((len(X), 1)), X]) @ w, -30, 30)))


def lowest_threshold(conf, right, precision):
    """The lowest threshold at which the answers given are right at least this often."""
    for t in sorted(set(np.round(conf, 3))):
        given = conf >= t
        if given.any() and right[given].mean() >= precision:
            return float(t)
    return 1.0


def calibrate_answers(queries, model, names, k, target=0.9, strictness=(0.9, 0.95, 0.97, 0.99, 1.0), refit=None):
    """The answer's confidence model and threshold. The threshold is the lowest at which the
    training folds' answers are right often enough; how strict that must be on the training folds
    for the held-out folds' answers to be right at least `target` of the time is chosen too, the
    least strict that gets there. With `refit` (names, train queries -> ranking), each fold's
    questions are ranked by a ranking fitted without them, as they would be by the shipped model
    on questions it has never seen: an in-sample ranking puts right answers first more often than
    it will for new questions, and the held-out precision would be flattered."""
    rankings = None
    if refit is not None:
        fold = folds_of(queries, k)
        rankings = [refit(names, [q for q, g in zip(queries, fold) if g != f]) for f in range(k)]
    best = None
    for strict in strictness:
        result = calibrate_answers_at(queries, model, names, k, target, strict, rankings)
        if result["heldOutPrecision"] >= target:
            return result
        # none gets there: the most precise on the held-out folds, the least strict of equals
        if best is None or result["heldOutPrecision"] > best["heldOutPrecision"] + 1e-9:
            best = result
    print(f"no strictness reached {target} on the held-out folds; kept the most precise")
    return best


def answer_cases(queries, model, names):
    cases = [(q, answer_case(q, model, names)) for q in queries]
    cases = [(q, c) for q, c in cases if c is not None]
    X = np.array([c[0] for _, c in cases]).reshape(len(cases), len(ANSWER_SIGNALS))
    y = np.array([c[1] for _, c in cases], dtype=float)
    return [q for q, _ in cases], X, y


def calibrate_answers_at(queries, model, names, k, target, strict, rankings=None):
    fold = folds_of(queries, k)
    given, right, sets = [], [], []
    for f in range(k):
        ranking = model if rankings is None else rankings[f]
        _, X, y = answer_cases([q for q, g in zip(queries, fold) if g != f], ranking, names)
        held_out, Xh, yh = answer_cases([q for q, g in zip(queries, fold) if g == f], ranking, names)
        w = fit_logistic(X, y)
        t = lowest_threshold(confidence(w, X), y == 1, strict)
        given += list(confidence(w, Xh) >= t)
        right += list(yh == 1)
        sets += [q["set"] for q in held_out]
    given, right, sets = np.array(given), np.array(right), np.array(sets)
    print(f"\n## in-app answers: logistic confidence, threshold for precision >= {strict} on the training folds")
    print(f"{'set':8} {'questions':>9} {'answered':>8} {'right':>6} {'precision':>9} {'coverage':>8}")
    for s_ in sorted(set(sets)) + ["ALL"]:
        m = np.ones(len(sets), bool) if s_ == "ALL" else sets == s_
        a = given[m]
        prec = right[m][a].mean() if a.any() else float("nan")
        print(f"{s_:8} {m.sum():9d} {a.sum():8d} {right[m][a].sum():6d} {prec:9.3f} {a.mean():8.3f}")
    _, X, y = answer_cases(queries, model, names)
    w = fit_logistic(X, y)
    t = lowest_threshold(confidence(w, X), y == 1, strict)
    print("fitted on all:", {n: round(float(v), 3) for n, v in zip(["bias"] + ANSWER_SIGNALS, w)}, "threshold", t)
    return {"weights": {n: round(float(v), 4) for n, v in zip(["bias"] + ANSWER_SIGNALS, w)}, "threshold": t,
            "heldOutPrecision": float(right[given].mean()) if given.any() else 0.0}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="*", help="NAME=FILE written by helpsearch eval --features")
    parser.add_argument("--variants", default=None,
                        help="a folder of lexical variants, one subfolder each holding SET.jsonl for every set; "
                             "chooses variant and fusion method by nested cross-validation")
    parser.add_argument("--real", default="dev", help="the real-user set the significance test is run on")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--features", default=None, help="comma-separated features the learned fusion may use")
    parser.add_argument("--ablate", action="append", default=[],
                        help="comma-separated features left out of a second pairwise fit, compared with the full one "
                             "(the paired test of adding them)")
    parser.add_argument("--unrelated", action="append", default=[],
                        help="NAME=FILE of questions no article answers (features written the same way)")
    parser.add_argument("--answers-only", default=None,
                        help="recalibrate the in-app answers of the model in this file, keeping its ranking")
    parser.add_argument("--method", default="pairwise", choices=["pairwise", "rrf"],
                        help="the fusion written with --write-model")
    parser.add_argument("--write-model", default=None, help="fit on all queries and write the weights here")
    args = parser.parse_args()

    if args.variants:
        import os
        set_names = [spec.split("=", 1)[0] for spec in args.sets] or ["dev", "nuxt", "seed"]
        variants = {}
        for v in sorted(os.listdir(args.variants)):
            files = [os.path.join(args.variants, v, s + ".jsonl") for s in set_names]
            if all(os.path.exists(f) and os.path.getsize(f) > 0 for f in files):
                qs = []
                for s_, f_ in zip(set_names, files):
                    names, part = load(s_, f_)
                    qs += part
                variants[v] = qs
        features = args.features.split(",") if args.features else names
        methods = {"current": current_pipeline, "rrf": fixed({"lexicalRank": 1, "semanticRank": 1}),
                   "pairwise": pairwise_logistic(features)}
        outcome = select_by_cv(variants, methods, names, args.folds, args.real)
        report("chosen by nested cross-validation", outcome, next(iter(variants.values())), args.real)
        base = variants.get("base")
        if base is not None:
            cur = cross_validated(current_pipeline, names, base, args.folds)
            real = [i for i, q in enumerate(base) if q["set"] == args.real]
            print(f"\nnested choice vs base/current on '{args.real}': {outcome[real, 0].mean():.3f} vs {cur[real, 0].mean():.3f}"
                  f"  p = {randomization_test(outcome[real, 0], cur[real, 0]):.4f}")
        return 0

    names, queries = None, []
    for spec in args.sets:
        name, path = spec.split("=", 1)
        names, qs = load(name, path)
        queries += qs
    features = args.features.split(",") if args.features else names
    if args.answers_only:
        with open(args.answers_only) as f:
            model = json.load(f)
        floor = model.get("noResults", {}).get("minSimilarityAboveOffTopic", -1.0)
        answers = calibrate_answers(queries, Floored(Linear(names, model["weights"]), floor), names, args.folds)
        answers.pop("heldOutPrecision")
        model["answer"] = answers
        with open(args.answers_only, "w") as f:
            json.dump(model, f, indent=2)
            f.write("\n")
        return 0

    if args.unrelated:
        unrelated = []
        for spec in args.unrelated:
            name, path = spec.split("=", 1)
            _, qs = load(name, path)
            for q in qs:
                q["topic"] = q["set"] + ":" + q["id"]
            unrelated += qs
        no_results = calibrate_no_results(queries, unrelated, names, args.folds,
                             taus=[0.04, 0.06, 0.08, 0.09, 0.1, 0.11, 0.12, 0.14, 0.16],
                             kappas=[0.0, 0.34, 0.5, 0.6, 0.67, 0.75, 0.99])

    methods = {
        "lexical": fixed({"lexicalRank": 1}),
        "current": current_pipeline,
        "rrf": fixed({"lexicalRank": 1, "semanticRank": 1}),
        "learned": learned(features),
        "pairwise": pairwise_logistic(features),
    }
    for group in args.ablate:
        left_out = set(group.split(","))
        methods["pairwise-" + group] = pairwise_logistic([f for f in features if f not in left_out])
    if args.unrelated:
        methods["pairwise+floor"] = floored(pairwise_logistic(features), no_results[0])
        methods["rrf+floor"] = floored(fixed({"lexicalRank": 1, "semanticRank": 1}), no_results[0])
    results = {}
    for label, method in methods.items():
        results[label] = cross_validated(method, names, queries, args.folds)
        report(label, results[label], queries, args.real)

    real = [i for i, q in enumerate(queries) if q["set"] == args.real]
    print(f"\n## paired randomization test on '{args.real}' (MRR@10, {len(real)} queries, cross-validated)")
    pairs = [("pairwise", "current"), ("pairwise", "rrf"), ("learned", "current"), ("rrf", "current"), ("current", "lexical")]
    pairs += [("pairwise", "pairwise-" + group) for group in args.ablate]
    if args.unrelated:
        pairs += [("pairwise+floor", "pairwise"), ("rrf+floor", "rrf")]
    for a, b in pairs:
        x, y = results[a][real, 0], results[b][real, 0]
        print(f"{a:8} vs {b:8}: {x.mean():.3f} vs {y.mean():.3f}  diff {x.mean() - y.mean():+.3f}  p = {randomization_test(x, y):.4f}")

    full = pairwise_logistic(features)(names, queries) if args.method == "pairwise" else \
        fixed({"lexicalRank": 1, "semanticRank": 1})(names, queries)
    print(f"\n{args.method} weights fitted on all queries:", json.dumps(full.as_dict()))
    floor = no_results[0] if args.unrelated else -1.0
    refit = floored(pairwise_logistic(features), floor) if args.method == "pairwise" else None
    answers = calibrate_answers(queries, Floored(full, floor), names, args.folds, refit=refit)
    if args.write_model:
        answers.pop("heldOutPrecision")
        model = {"weights": full.as_dict(), "answer": answers}
        if args.unrelated:
            model["noResults"] = {"minSimilarityAboveOffTopic": no_results[0], "minKnownShare": no_results[1]}
        with open(args.write_model, "w") as f:
            json.dump(model, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
