/** A list as JSON with one item per line: valid JSON a program parses whole, and a person reads line by line. */
export function jsonList(items: readonly unknown[]): string {
  return items.length === 0 ? '[]\n' : `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]\n`
}

/** One object as indented JSON. */
export function jsonObject(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** `events/0001.json`: numbered so the files sort in the order they were read. */
export function pageFileName(folder: string, index: number): string {
  return `${folder}/${String(index + 1).padStart(4, '0')}.json`
}
