import { startDemoPlatform, startStaticSite, type RunningServer } from '../../tests/demo-platform/server.ts'
import { startGzipFront } from './gzipFront.ts'

export interface BenchServers {
  /** `http://127.0.0.1:<port>`, the demo platform's origin. */
  platformUrl: string
  /** The built app, e.g. `http://127.0.0.1:4173/access/`. */
  appUrl: string
  /** The floor page, built like the app and served the same way. */
  floorUrl: string
  close: () => Promise<void>
}

const basePath = '/access/'

/** A static site on a free loopback port with a gzip front on `port`; `url` is the front's address of the site. */
async function servedGzipped(root: string, port: number): Promise<RunningServer> {
  const site = await startStaticSite({ port: 0, host: '127.0.0.1', root, basePath })
  const front = await startGzipFront(port, new URL(site.url).origin)
  return { url: `${front.origin}${basePath}`, close: async () => { await front.close(); await site.close() } }
}

/** The demo platform, the app and the floor page on loopback, the app on the same origin its `authUrl`s point to. */
export async function startBenchServers(ports: { platform: number; app: number; floor: number }, dirs: { app: string; floor: string }): Promise<BenchServers> {
  const app = await servedGzipped(dirs.app, ports.app)
  const floor = await servedGzipped(dirs.floor, ports.floor)
  const platform = await startDemoPlatform({ port: ports.platform, authPageUrl: `${app.url}access.html` })
  return {
    platformUrl: platform.url,
    appUrl: app.url,
    floorUrl: floor.url,
    close: async () => { await Promise.all([platform.close(), app.close(), floor.close()]) },
  }
}
