#!/usr/bin/env node
// Baseline: VitePress's built-in local search (MiniSearch over heading sections), run over the
// search sections of a Nuxt Content corpus as given by a conformance fixture.
//
//   node eval/minisearch/index.mjs --fixture FIXTURE.jsonl --queries QUERIES.jsonl [--out RANKINGS.jsonl]
//        [--top N (default 100)] [--exclude-prefix /v7/,/v8/ (leave those urls out of the index)]
//
// What is reproduced (VitePress 1.x, src/node/plugins/localSearchPlugin.ts and
// src/client/theme-default/components/VPLocalSearchBox.vue):
//   * one MiniSearch document per section; id = page id, or page id + '#' + anchor;
//     fields: title = the section's heading, titles = the trail of parent headings (page title
//     first), text = the section's text;
//   * index options { fields: ['title', 'titles', 'text'], storeFields: ['title', 'titles'] };
//   * search options { fuzzy: 0.2, prefix: true, boost: { title: 4, text: 2, titles: 1 } },
//     MiniSearch defaults otherwise (combineWith OR, default tokenizer, no stemming, no stop words);
//   * the query string is passed to index.search() as typed.
// Sections come from the fixture (`sectionsIgnoreStyle ?? sections`, the real Nuxt Content split:
// VitePress's HTML split never sees the shiki <style> CSS), so ids are exactly the real parser's.
// Section 0 (the article intro: description + text before the first heading) gets url =
// pathRelative, title = page title, titles = [] — VitePress's h1 section of a page.

import { readFileSync, writeFileSync } from 'node:fs'
import MiniSearch from 'minisearch'
import { sectionsOf } from './sections.mjs'

function parseArgs(argv) {
  const args = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (['--fixture', '--queries', '--out', '--top', '--exclude-prefix'].includes(a)) {
      if (i + 1 >= argv.length) throw new Error(`missing value for ${a}`)
      args[a.slice(2)] = argv[++i]
    } else if (a === '-h' || a === '--help') {
      args.help = true
    } else {
      throw new Error(`unknown argument ${a}`)
    }
  }
  return args
}

function readJsonl(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => {
      try {
        return JSON.parse(l)
      } catch (e) {
        throw new Error(`${path}:${i + 1}: ${e.message}`)
      }
    })
}

export function buildIndex(fixtureDocs, excludePrefixes = []) {
  const index = new MiniSearch({
    fields: ['title', 'titles', 'text'],
    storeFields: ['title', 'titles'],
    searchOptions: {
      fuzzy: 0.2,
      prefix: true,
      boost: { title: 4, text: 2, titles: 1 },
    },
  })
  const docs = []
  const seen = new Set()
  for (const d of fixtureDocs) {
    for (const s of sectionsOf(d)) {
      if (seen.has(s.id)) continue // VitePress ids are unique (markdown-it-anchor); keep the first
      if (excludePrefixes.some((p) => s.id.startsWith(p))) continue
      seen.add(s.id)
      docs.push(s)
    }
  }
  index.addAll(docs)
  return { index, urls: seen }
}

const pageOf = (url) => url.split('#')[0]

// Per-query metrics over the ranked urls.
export function score(ranked, judgments) {
  const grade = new Map(judgments.map((j) => [j.url, j.grade]))
  const answers = judgments.filter((j) => j.grade === 2).map((j) => j.url)
  const answerPages = new Set(answers.map(pageOf))
  let rr = 0
  for (let i = 0; i < Math.min(10, ranked.length); i++) {
    if (grade.get(ranked[i]) === 2) {
      rr = 1 / (i + 1)
      break
    }
  }
  const top3 = ranked.slice(0, 3)
  let dcg = 0
  for (let i = 0; i < Math.min(10, ranked.length); i++) {
    const g = grade.get(ranked[i]) ?? 0
    dcg += (2 ** g - 1) / Math.log2(i + 2)
  }
  const ideal = judgments.map((j) => j.grade).sort((a, b) => b - a).slice(0, 10)
  const idcg = ideal.reduce((acc, g, i) => acc + (2 ** g - 1) / Math.log2(i + 2), 0)
  const top10 = new Set(ranked.slice(0, 10))
  return {
    s1: ranked.length > 0 && grade.get(ranked[0]) === 2 ? 1 : 0,
    s3: top3.some((u) => grade.get(u) === 2) ? 1 : 0,
    mrr: rr,
    ndcg: idcg > 0 ? dcg / idcg : 0,
    r10: answers.length ? answers.filter((u) => top10.has(u)).length / answers.length : 0,
    pageS1: ranked.length > 0 && answerPages.has(pageOf(ranked[0])) ? 1 : 0,
  }
}

const METRICS = ['s1', 's3', 'mrr', 'ndcg', 'r10', 'pageS1']
const HEAD = ['S@1', 'S@3', 'MRR@10', 'nDCG@10', 'R@10', 'pageS@1']

function main() {
  let args
  try {
    args = parseArgs(process.argv.slice(2))
  } catch (e) {
    console.error(e.message)
    args = { help: true, bad: true }
  }
  if (args.help || !args.fixture || !args.queries) {
    console.error('usage: node index.mjs --fixture FIXTURE.jsonl --queries QUERIES.jsonl [--out RANKINGS.jsonl] [--top N] [--exclude-prefix /v7/,/v8/]')
    process.exit(args.help && !args.bad ? 0 : 2)
  }
  const top = args.top ? parseInt(args.top, 10) : 100
  const exclude = args['exclude-prefix'] ? args['exclude-prefix'].split(',').filter(Boolean) : []
  const { index, urls } = buildIndex(readJsonl(args.fixture), exclude)
  const queries = readJsonl(args.queries)

  const unknown = []
  const byType = new Map()
  const out = []
  for (const q of queries) {
    for (const j of q.judgments) if (!urls.has(j.url)) unknown.push(`${q.id}: ${j.url}`)
    const ranked = index.search(q.query).slice(0, top).map((r) => r.id)
    out.push(JSON.stringify({ id: q.id, ranked }))
    const m = score(ranked, q.judgments)
    for (const key of [q.type ?? 'untyped', 'ALL']) {
      if (!byType.has(key)) byType.set(key, [])
      byType.get(key).push(m)
    }
  }
  if (args.out) writeFileSync(args.out, out.join('\n') + '\n')

  const excl = exclude.length ? ` (excluding urls under ${exclude.join(', ')})` : ''
  console.log(`minisearch baseline: ${urls.size} sections from ${args.fixture}${excl}; ${queries.length} queries from ${args.queries}`)
  const rows = [...byType.keys()].filter((k) => k !== 'ALL').sort()
  rows.push('ALL')
  const pad = (s, n) => String(s).padEnd(n)
  console.log(pad('type', 12) + pad('n', 5) + HEAD.map((h) => pad(h, 9)).join(''))
  for (const k of rows) {
    const ms = byType.get(k)
    const avg = METRICS.map((m) => (ms.reduce((a, x) => a + x[m], 0) / ms.length).toFixed(3))
    console.log(pad(k === 'ALL' ? 'overall' : k, 12) + pad(ms.length, 5) + avg.map((v) => pad(v, 9)).join(''))
  }
  if (unknown.length) {
    console.log(`warning: ${unknown.length} judged urls are not sections of the fixture:`)
    for (const u of unknown.slice(0, 20)) console.log('  ' + u)
  }
}

main()
