/** Where CMC pages may write an answer: the person's own app streams, never the plugin's inbox. */
const appsRoot = ':_cmc:apps'

/** The levels of a `:_cmc:apps:<app>[:...]` stream id below `:_cmc:apps`, top first; null for any other id. */
export function streamLevels(scopeStreamId: string): Array<{ id: string; parentId: string; name: string }> | null {
  if (!scopeStreamId.startsWith(appsRoot + ':')) return null
  const names = scopeStreamId.slice(appsRoot.length + 1).split(':')
  if (names.some((name) => name === '')) return null
  return names.map((name, index) => ({
    id: [appsRoot, ...names.slice(0, index + 1)].join(':'),
    parentId: [appsRoot, ...names.slice(0, index)].join(':'),
    name,
  }))
}
