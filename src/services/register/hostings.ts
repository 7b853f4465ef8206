import type { Service } from 'pryv'
import { AppError } from '@/services/appError'
import { withAppErrors } from '@/services/http'
import { asRecord } from '@/services/json'

/** A name as the platform gives it: a default text and translations by language code. */
export interface LocalizedText {
  text: string
  byLanguage: Record<string, string>
}

export interface Hosting {
  key: string
  name: LocalizedText
  description: LocalizedText
  available: boolean
}

export interface HostingZone {
  key: string
  name: LocalizedText
  hostings: Hosting[]
}

export interface HostingRegion {
  key: string
  name: LocalizedText
  zones: HostingZone[]
}

type Fields = Record<string, unknown>

function children(value: unknown): Array<[string, Fields]> {
  return Object.entries(asRecord(value) ?? {}).flatMap(([key, child]) => {
    const fields = asRecord(child)
    return fields ? [[key, fields] as [string, Fields]] : []
  })
}

function localized(text: unknown, translations: unknown, fallback: string): LocalizedText {
  const byLanguage = Object.fromEntries(
    Object.entries(asRecord(translations) ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
  return { text: typeof text === 'string' && text !== '' ? text : fallback, byLanguage }
}

/** Validates the hostings tree into regions > zones > hostings; malformed parts are left out. */
export function parseHostings(tree: unknown): HostingRegion[] {
  return children(asRecord(tree)?.regions).map(([regionKey, region]) => ({
    key: regionKey,
    name: localized(region.name, region.localizedName, regionKey),
    zones: children(region.zones).map(([zoneKey, zone]) => ({
      key: zoneKey,
      name: localized(zone.name, zone.localizedName, zoneKey),
      hostings: children(zone.hostings).map(([key, hosting]) => ({
        key,
        name: localized(hosting.name, hosting.localizedName, key),
        description: localized(hosting.description, hosting.localizedDescription, ''),
        available: hosting.available === true,
      })),
    })),
  }))
}

/** The text in this language (by primary subtag), else the platform's default. */
export function inLanguage(text: LocalizedText, language: string): string {
  return text.byLanguage[language] ?? text.byLanguage[language.split('-')[0] ?? ''] ?? text.text
}

/** Every hosting a new account may choose, in the platform's order. */
export function availableHostings(regions: readonly HostingRegion[]): Hosting[] {
  return regions
    .flatMap((region) => region.zones.flatMap((zone) => zone.hostings))
    .filter((hosting) => hosting.available)
}

/** GET {register}hostings (pryv `Service.availableHostings`). */
export async function loadHostings(service: Service): Promise<HostingRegion[]> {
  const tree: unknown = await withAppErrors(() => service.availableHostings())
  if (!asRecord(asRecord(tree)?.regions)) throw new AppError('unexpected-answer')
  return parseHostings(tree)
}
