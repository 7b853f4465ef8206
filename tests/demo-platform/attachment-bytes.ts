import { createHash } from 'node:crypto'
import { seededRandom } from './seeded-random.ts'

/** What decides a generated file's bytes: the same three give the same bytes, at every reset and in tests. */
export interface GeneratedFile {
  seed: number
  size: number
  type: string
}

const chunkSize = 64 * 1024
const textAlphabet = 'abcdefghijklmnopqrstuvwxyz     .,\n'

// A real header, so a viewer opening an exported file sees the kind of file its type says.
const headers: Record<string, Buffer> = {
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'application/pdf': Buffer.from('%PDF-1.4\n', 'latin1'),
}

/**
 * A file's bytes, chunk by chunk: generated on the fly from its seed, so
 * megabytes of attachments are neither stored in the repository nor kept in memory.
 */
export function* fileChunks(file: GeneratedFile): Generator<Buffer> {
  const random = seededRandom(file.seed)
  const isText = file.type.startsWith('text/')
  const header = (headers[file.type] ?? Buffer.alloc(0)).subarray(0, file.size)
  let written = 0
  let first = true
  while (written < file.size) {
    const chunk = Buffer.alloc(Math.min(chunkSize, file.size - written))
    let start = 0
    if (first) {
      header.copy(chunk)
      start = header.length
      first = false
    }
    for (let index = start; index < chunk.length; index++) {
      const value = Math.floor(random() * 256)
      chunk[index] = isText ? textAlphabet.charCodeAt(value % textAlphabet.length) : value
    }
    written += chunk.length
    yield chunk
  }
}

/** The whole file at once: what a test compares a download with. */
export function fileBytes(file: GeneratedFile): Buffer {
  return Buffer.concat([...fileChunks(file)])
}

/** The attachment's `integrity` as the platform computes it: a SHA-256 of the bytes. */
export function fileIntegrity(file: GeneratedFile): string {
  const hash = createHash('sha256')
  for (const chunk of fileChunks(file)) hash.update(chunk)
  return 'sha256-' + hash.digest('base64')
}
