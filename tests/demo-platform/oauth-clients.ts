import type { PlatformConfig } from './state.ts'

/** A consent offer as the server resolves it through its capability, and signs into the state. */
export interface ConsentOffer {
  offerName: string
  capabilityUrl: string
  capabilityId: string | null
  offerEventId: string | null
  permissions: Record<string, unknown>[]
  allowUserChoice: boolean
  title?: Record<string, string>
  description?: Record<string, string>
  consent?: Record<string, string>
  requesterMeta?: Record<string, unknown>
}

/** A registered OAuth client (a public one: PKCE only); its id is its app account's username. */
export interface OAuthClient {
  clientId: string
  redirectUris: string[]
  /** The `cmc:<offer>` scopes it may ask for. */
  scope: string[]
  offers: Record<string, Omit<ConsentOffer, 'offerName' | 'capabilityUrl'>>
}

/** Where the demo OAuth client page receives its answers. */
export function demoClientRedirectUri(config: PlatformConfig): string {
  return `${config.origin}/demo-oauth-client/callback`
}

const healthStudy: Omit<OAuthClient, 'redirectUris'> = {
  clientId: 'demo-health-study',
  scope: ['cmc:share', 'cmc:aon'],
  offers: {
    share: {
      capabilityId: 'cdemocapabilityshare0000001',
      offerEventId: 'cdemoeventshare000000000001',
      allowUserChoice: true,
      permissions: [
        { streamId: 'health', level: 'read', defaultName: 'Health', mandatory: true },
        { streamId: 'diary', level: 'read', defaultName: 'Diary' },
        { feature: 'selfRevoke', setting: 'forbidden' },
      ],
      title: {
        en: 'Share your health data',
        fr: 'Partager vos données de santé',
        de: 'Ihre Gesundheitsdaten teilen',
        it: 'Condividere i tuoi dati sanitari',
      },
      description: {
        en: 'The study reads your health records; your diary is optional.',
        fr: 'L’étude lit vos données de santé ; votre journal est facultatif.',
        de: 'Die Studie liest Ihre Gesundheitsdaten; Ihr Tagebuch ist freiwillig.',
        it: 'Lo studio legge i tuoi dati sanitari; il diario è facoltativo.',
      },
      consent: {
        en: 'I agree that Demo Health Study reads the data I keep ticked above.',
        fr: 'J’accepte que Demo Health Study lise les données que je laisse cochées ci-dessus.',
        de: 'Ich bin einverstanden, dass Demo Health Study die Daten liest, die ich oben angekreuzt lasse.',
        it: 'Accetto che Demo Health Study legga i dati che lascio selezionati qui sopra.',
      },
      requesterMeta: {
        displayName: 'Demo Health Study',
        appId: 'demo-health-study',
        appUrl: 'https://health-study.example',
      },
    },
    aon: {
      capabilityId: 'cdemocapabilityaon000000001',
      offerEventId: 'cdemoeventaon00000000000001',
      allowUserChoice: false,
      permissions: [
        { streamId: 'diary', level: 'contribute', defaultName: 'Diary' },
        { streamId: 'health', level: 'read', defaultName: 'Health' },
      ],
      title: { en: 'Keep a shared diary' },
    },
  },
}

const zurichStudy: Omit<OAuthClient, 'redirectUris'> = {
  clientId: 'demo-etude-zurich',
  scope: ['cmc:intl'],
  offers: {
    intl: {
      capabilityId: 'cdemocapabilityintl00000001',
      offerEventId: 'cdemoeventintl0000000000001',
      allowUserChoice: true,
      permissions: [
        { streamId: 'diary', level: 'read', defaultName: 'Journal' },
        { streamId: 'health', level: 'create-only', defaultName: 'Santé' },
      ],
      title: { fr: 'Étude à Zürich', de: 'Studie in Zürich', en: 'Study in Zürich 🧪', ja: 'チューリッヒの研究' },
      description: {
        fr: 'Données « sensibles » : accès en lecture seule.',
        en: 'Read-only access to “sensitive” data.',
        ja: '読み取り専用のアクセスです。',
      },
      consent: { fr: 'J’accepte ✅', en: 'I agree ✅', ja: '同意します ✅' },
      requesterMeta: { displayName: 'Étude à Zürich 🧪', appId: 'demo-etude-zurich' },
    },
  },
}

/** The registered clients; each also accepts any port on `http://127.0.0.1/callback` (the loopback rule). */
export function findClient(config: PlatformConfig, clientId: string): OAuthClient | undefined {
  const known = [healthStudy, zurichStudy].find((client) => client.clientId === clientId)
  return (
    known && { ...structuredClone(known), redirectUris: [demoClientRedirectUri(config), 'http://127.0.0.1/callback'] }
  )
}

function isLoopbackVariant(registered: string, presented: string): boolean {
  let a: URL
  let b: URL
  try {
    a = new URL(registered)
    b = new URL(presented)
  } catch {
    return false
  }
  return (
    a.protocol === 'http:' &&
    b.protocol === 'http:' &&
    a.hostname === b.hostname &&
    (a.hostname === '127.0.0.1' || a.hostname === '[::1]') &&
    a.pathname === b.pathname &&
    a.search === b.search &&
    a.hash === b.hash
  )
}

/** Exact string match; only a loopback address may change port. */
export function isRegisteredRedirect(client: OAuthClient, presented: string): boolean {
  return client.redirectUris.some((registered) => registered === presented || isLoopbackVariant(registered, presented))
}

/** The offer behind a `cmc:<name>` scope, as the real server reads it through its capability URL. */
export function resolveOffer(config: PlatformConfig, client: OAuthClient, offerName: string): ConsentOffer | undefined {
  const offer = Object.hasOwn(client.offers, offerName) ? client.offers[offerName] : undefined
  if (!offer) return undefined
  const host = new URL(config.origin).host
  return { offerName, capabilityUrl: `http://cap-${offerName}-demo-token@${host}/${client.clientId}/`, ...offer }
}
