import { vi } from 'vitest'
import type { Permission } from '@/services/accessState'

type StreamNamesModule = typeof import('@/services/streamNames')

/** The body of a `vi.mock('@/services/streamNames')` factory: the person's names are these, read at once. */
export async function streamNamesAnswering(
  importOriginal: () => Promise<StreamNamesModule>,
  names: Array<[string, string]>,
): Promise<StreamNamesModule> {
  const actual = await importOriginal()
  const known = new Map(names)
  const naming = (permission: Permission) => actual.withStreamName(permission, known)
  return { ...actual, loadStreamNaming: vi.fn(async () => naming) }
}
