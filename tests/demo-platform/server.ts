import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { accessInfoRoutes } from './access-info.ts'
import { accountControlRoutes } from './account-control.ts'
import { apiMethodRoutes } from './api-methods.ts'
import { attachmentRoutes } from './attachments.ts'
import { authRequestRoutes } from './auth-requests.ts'
import { batchRoutes } from './batch.ts'
import { clientAppRoutes } from './client-app.ts'
import { cmcClientAppRoutes } from './cmc-client-app.ts'
import { cmcControlRoutes } from './cmc-control.ts'
import { controlRoutes } from './control.ts'
import { emailVerificationRoutes } from './email-verification.ts'
import { hostingControlRoutes, hostingRoutes } from './hostings.ts'
import { loginRoutes } from './login.ts'
import { mfaRoutes } from './mfa.ts'
import { mfaControlRoutes } from './mfa-control.ts'
import { mfaEnrolmentRoutes } from './mfa-enrolment.ts'
import { oauthRoutes } from './oauth-routes.ts'
import { outboxControlRoutes } from './outbox.ts'
import { passwordRoutes } from './passwords.ts'
import { handlePlatformRequest } from './platform-handler.ts'
import { registrationRoutes } from './registration.ts'
import type { Route } from './router.ts'
import { serviceInfoRoutes } from './service-info.ts'
import { createState, type Platform, type PlatformConfig } from './state.ts'
import { staticSiteHandler, type StaticSiteOptions } from './static-site.ts'
import { userDeletionControlRoutes, userDeletionRoutes } from './user-deletion.ts'
import { userRoutes } from './users.ts'

export interface RunningServer {
  url: string
  close: () => Promise<void>
}

export interface DemoPlatformOptions {
  port: number
  host?: string
  /** The auth page `authUrl`s point to. */
  authPageUrl?: string
  /** The OAuth consent page (`oauth.consentUrl`); by default `oauth2-authorize` beside the auth page. */
  consentPageUrl?: string
  /** Where reset mails link to; by default `reset-password.html` beside the auth page. */
  passwordResetPageUrl?: string
  /** Origins allowed to sign in besides loopback ones, e.g. `https://sw.example.com`. */
  trustedAppOrigins?: string[]
  /** `auth.usernameChangeLimit`: 2 unless told otherwise. */
  usernameChangeLimit?: number
}

export interface StaticSiteServerOptions {
  port: number
  /** One host, or by default both loopback addresses so `localhost` works whichever one it resolves to. */
  host?: string
  root: string
  basePath?: string
  missingFile?: StaticSiteOptions['missingFile']
}

// Register routes (`/reg/...`) come before the `/{username}/...` ones they could be mistaken for.
const platformRoutes: Route[] = [
  ...controlRoutes,
  ...accountControlRoutes,
  ...outboxControlRoutes,
  ...mfaControlRoutes,
  ...userDeletionControlRoutes,
  ...cmcControlRoutes,
  ...hostingControlRoutes,
  ...serviceInfoRoutes,
  ...clientAppRoutes,
  ...cmcClientAppRoutes,
  ...authRequestRoutes,
  ...registrationRoutes,
  ...hostingRoutes,
  ...userDeletionRoutes,
  ...userRoutes,
  ...loginRoutes,
  ...mfaRoutes,
  ...mfaEnrolmentRoutes,
  ...passwordRoutes,
  ...emailVerificationRoutes,
  ...accessInfoRoutes,
  ...apiMethodRoutes,
  ...attachmentRoutes,
  ...batchRoutes,
]

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

// Links of 100 KB and more reach the page (Node's default refuses request heads over 16 KB before any page loads).
const siteMaxHeaderSize = 1024 * 1024

// Idle connections stay open longer than clients keep them (Node's fetch: 4 s), so a busy machine never sees the server
// close a connection the test's next call is just reusing ("other side closed").
const idleConnectionMs = 65_000

function serve(handler: Handler, maxHeaderSize?: number): Server {
  return createServer({ maxHeaderSize, keepAliveTimeout: idleConnectionMs }, (req, res) => {
    handler(req, res).catch((err: unknown) => {
      console.error('demo server: request failed', err)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end()
    })
  })
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

function closeAll(servers: Server[]): Promise<void> {
  return Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        }),
    ),
  ).then(() => undefined)
}

const defaultAuthPageUrl = 'http://localhost:4173/access/access.html'

function platformConfig(options: DemoPlatformOptions, port: number): PlatformConfig {
  const authPageUrl = options.authPageUrl ?? defaultAuthPageUrl
  return {
    origin: `http://127.0.0.1:${port}`,
    authPageUrl,
    passwordResetPageUrl: options.passwordResetPageUrl ?? new URL('reset-password.html', authPageUrl).href,
    trustedAppOrigins: (options.trustedAppOrigins ?? []).map((origin) => new URL(origin).origin),
    usernameChangeLimit: options.usernameChangeLimit ?? 2,
  }
}

/** Starts the in-memory Pryv.io platform; its public origin is `http://127.0.0.1:<port>` (the returned `url`). */
export async function startDemoPlatform(options: DemoPlatformOptions): Promise<RunningServer> {
  const holder: { platform?: Platform } = {}
  const consentPageUrl =
    options.consentPageUrl ?? new URL('oauth2-authorize', options.authPageUrl ?? defaultAuthPageUrl).href
  const routes = [...oauthRoutes(consentPageUrl), ...platformRoutes]
  const server = serve((req, res) => {
    if (!holder.platform) throw new Error('demo platform not ready')
    return handlePlatformRequest(holder.platform, routes, req, res)
  })
  const port = await listen(server, options.port, options.host ?? '127.0.0.1')
  const config = platformConfig(options, port)
  holder.platform = { config, state: createState(config) }
  return { url: holder.platform.config.origin, close: () => closeAll([server]) }
}

function isMissingAddress(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT'
}

/** Serves the built app under `basePath`; `url` is the app's address, e.g. `http://localhost:4173/access/`. */
export async function startStaticSite(options: StaticSiteServerOptions): Promise<RunningServer> {
  const basePath = options.basePath ?? '/access/'
  const handler = staticSiteHandler({ root: options.root, basePath, missingFile: options.missingFile })
  const hosts = options.host ? [options.host] : ['127.0.0.1', '::1']
  const servers: Server[] = []
  let port = options.port
  for (const host of hosts) {
    const server = serve(handler, siteMaxHeaderSize)
    try {
      port = await listen(server, port, host)
      servers.push(server)
    } catch (err) {
      // A machine without IPv6 loopback still serves on 127.0.0.1.
      if (servers.length > 0 && isMissingAddress(err)) continue
      await closeAll(servers)
      throw err
    }
  }
  const urlHost = options.host ? (options.host.includes(':') ? `[${options.host}]` : options.host) : 'localhost'
  return { url: `http://${urlHost}:${port}${basePath}`, close: () => closeAll(servers) }
}
