import type pryv from 'pryv'

export type PryvLibrary = typeof pryv

let loading: Promise<PryvLibrary> | null = null

/** The `pryv` library, fetched on first use: the sign-in form paints and takes input before it arrives. */
export function loadPryv(): Promise<PryvLibrary> {
  loading ??= import('pryv').then((module) => module.default)
  return loading
}
