import { ApiError, isRecord, jsonAnswer } from './http.ts'
import type { RequestContext, Route } from './router.ts'
import type { Platform, PlatformConfig } from './state.ts'

/** The body of GET {register}hostings: regions > zones > hostings, as the platform stores it. */
export type HostingsTree = { regions: Record<string, unknown> }

/** One hosting in one region and zone, the default when tests set none. */
export function defaultHostings(config: PlatformConfig): HostingsTree {
  const core = `${config.origin}/`
  return {
    regions: {
      europe: {
        name: 'Europe',
        localizedName: { en: 'Europe', fr: 'Europe' },
        zones: {
          local: {
            name: 'This computer',
            localizedName: { en: 'This computer', fr: 'Cet ordinateur' },
            hostings: {
              'demo-hosting': {
                url: core,
                name: 'Demo hosting',
                description: 'Accounts kept in memory by the demo platform',
                localizedDescription: {
                  en: 'Accounts kept in memory by the demo platform',
                  fr: 'Comptes gardés en mémoire par la plateforme de démonstration',
                },
                available: true,
                availableCore: core,
              },
            },
          },
        },
      },
    },
  }
}

export function currentHostings(platform: Platform): HostingsTree {
  return platform.state.hostings ?? defaultHostings(platform.config)
}

function entries(value: unknown): Array<[string, Record<string, unknown>]> {
  return isRecord(value)
    ? Object.entries(value).filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
    : []
}

/** The keys a new account may name: hostings flagged `available`. */
export function availableHostingKeys(tree: HostingsTree): string[] {
  return entries(tree.regions)
    .flatMap(([, region]) => entries(region.zones))
    .flatMap(([, zone]) => entries(zone.hostings))
    .filter(([, hosting]) => hosting.available === true)
    .map(([key]) => key)
}

/** PUT /_demo/hostings: the tree GET {register}hostings answers from now on (until reset). */
function setHostings({ platform, body }: RequestContext) {
  if (!isRecord(body) || !isRecord(body.regions))
    throw new ApiError(400, 'invalid-parameters-format', 'Expected { regions: { <region>: { zones: { ... } } } }')
  platform.state.hostings = { regions: body.regions }
  return jsonAnswer(200, platform.state.hostings)
}

export const hostingRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/reg\/hostings$/,
    meta: 'always',
    handle: ({ platform }) => jsonAnswer(200, currentHostings(platform)),
  },
]

export const hostingControlRoutes: Route[] = [
  { method: 'PUT', pattern: /^\/_demo\/hostings$/, meta: 'never', handle: setHostings },
]
