// Search sections of one conformance-fixture line (one Markdown file parsed by the real Nuxt
// Content), as VitePress local-search documents: { id: url, title, titles, text }.
// url = pathRelative (section 0: the article intro) or pathRelative + '#' + anchor.
// `sectionsIgnoreStyle` is preferred when present: with default highlighting the real parser puts
// the shiki <style> CSS into the last section's text, which VitePress's HTML split never indexes.
export function sectionsOf(doc) {
  const secs = doc.sectionsIgnoreStyle ?? doc.sections ?? []
  return secs.map((s) => {
    if (!s.id.startsWith(doc.path)) throw new Error(`section id ${s.id} not under ${doc.path}`)
    const url = doc.pathRelative + s.id.slice(doc.path.length)
    return { id: url, title: s.title ?? '', titles: s.titles ?? [], text: s.content ?? '' }
  })
}
