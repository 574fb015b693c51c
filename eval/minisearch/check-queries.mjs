#!/usr/bin/env node
// Validate a judged query set against a conformance fixture (same rules as shared/eval/check.py,
// but `source` may also be `own:<set>-NN`, and tickets must be 30-80 words).
//
//   node eval/minisearch/check-queries.mjs QUERIES.jsonl FIXTURE.jsonl [--max-ticket-words 80] [--max-judgments 3]
// (the shared dev set has tickets of up to 90 words and one query with 4 judgments:
//  check it with --max-ticket-words 90 --max-judgments 4)
//
// Exit status 1 on any error.
import { readFileSync } from 'node:fs'
import { sectionsOf } from './sections.mjs'

const argv = process.argv.slice(2)
const opt = (name, dflt) => {
  const i = argv.indexOf(name)
  if (i < 0) return dflt
  const v = parseInt(argv[i + 1], 10)
  argv.splice(i, 2)
  return v
}
const MAX_TICKET_WORDS = opt('--max-ticket-words', 80)
const MAX_JUDGMENTS = opt('--max-judgments', 3)
const [queriesPath, fixturePath] = argv
if (!queriesPath || !fixturePath) {
  console.error('usage: node check-queries.mjs QUERIES.jsonl FIXTURE.jsonl')
  process.exit(2)
}

const TYPES = new Set(['symptom', 'howto', 'ticket', 'short', 'prefix', 'typo'])
const FIELDS = ['id', 'query', 'type', 'source', 'judgments']
const SOURCE_RE = /^(nuxt\/(nuxt|framework)#[1-9][0-9]*|own:[a-z0-9]+-[0-9]+)$/

const urls = new Set()
for (const line of readFileSync(fixturePath, 'utf8').split('\n')) {
  if (!line.trim()) continue
  for (const s of sectionsOf(JSON.parse(line))) urls.add(s.id)
}

const errors = []
const ids = new Map()
const texts = new Map()
const types = {}
const grades = { 1: 0, 2: 0 }
const sections = new Set()
let n = 0
readFileSync(queriesPath, 'utf8').split('\n').forEach((line, i) => {
  if (!line.trim()) return
  let where = `line ${i + 1}`
  let rec
  try {
    rec = JSON.parse(line)
  } catch (e) {
    errors.push(`${where}: malformed JSON (${e.message})`)
    return
  }
  const missing = FIELDS.filter((k) => !(k in rec))
  if (missing.length) return errors.push(`${where}: missing field(s) ${missing.join(', ')}`)
  n++
  where += ` (${rec.id})`
  ids.set(rec.id, (ids.get(rec.id) ?? 0) + 1)
  const text = typeof rec.query === 'string' ? rec.query.trim() : ''
  if (!text) errors.push(`${where}: empty query`)
  texts.set(text, (texts.get(text) ?? 0) + 1)
  if (!TYPES.has(rec.type)) errors.push(`${where}: bad type ${rec.type}`)
  else types[rec.type] = (types[rec.type] ?? 0) + 1
  if (typeof rec.source !== 'string' || !SOURCE_RE.test(rec.source)) errors.push(`${where}: bad source ${rec.source}`)
  const words = text.split(/\s+/).filter(Boolean).length
  if (rec.type === 'ticket' && (words < 30 || words > MAX_TICKET_WORDS)) errors.push(`${where}: ticket has ${words} words (30-${MAX_TICKET_WORDS})`)
  if (rec.type === 'short' && words > 4) errors.push(`${where}: short query has ${words} words (1-4)`)
  if (!Array.isArray(rec.judgments) || rec.judgments.length < 1 || rec.judgments.length > MAX_JUDGMENTS)
    return errors.push(`${where}: judgments must be a list of 1-${MAX_JUDGMENTS}`)
  const seen = new Set()
  let has2 = false
  for (const j of rec.judgments) {
    if (!j || Object.keys(j).sort().join() !== 'grade,url') {
      errors.push(`${where}: judgment must be {url, grade}`)
      continue
    }
    if (j.grade !== 1 && j.grade !== 2) errors.push(`${where}: bad grade ${j.grade} for ${j.url}`)
    if (!urls.has(j.url)) errors.push(`${where}: unknown section URL ${j.url}`)
    if (seen.has(j.url)) errors.push(`${where}: duplicate judgment ${j.url}`)
    seen.add(j.url)
    grades[j.grade] = (grades[j.grade] ?? 0) + 1
    sections.add(j.url)
    has2 ||= j.grade === 2
  }
  if (!has2) errors.push(`${where}: no grade-2 judgment`)
})
for (const [k, c] of ids) if (c > 1) errors.push(`duplicate id ${k} (${c} times)`)
for (const [k, c] of texts) if (c > 1) errors.push(`duplicate query ${JSON.stringify(k)} (${c} times)`)

for (const e of errors) console.log('ERROR: ' + e)
const articles = new Set([...sections].map((u) => u.split('#')[0]))
const typeList = Object.keys(types).sort().map((t) => `${t} ${types[t]}`).join(', ')
console.log(
  `checked ${n} queries (${typeList}), ${grades[1] + grades[2]} judgments (grade 2: ${grades[2]}, grade 1: ${grades[1]}), ` +
    `${sections.size} sections in ${articles.size} articles; ${errors.length} errors`
)
process.exit(errors.length ? 1 : 0)
