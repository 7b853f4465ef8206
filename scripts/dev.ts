// `npm run dev`: Vite's dev server (hot reload) at /access/, as the build is served, beside the demo platform.
import { createServer } from 'vite'
import { startDemoPlatform } from '../tests/demo-platform/server.ts'
import { demoBanner, portFromEnv, stopOnSignal } from './demo-launch.ts'
import { localeHotUpdate } from './vite-plugin-locale-hot-update.ts'

const platformPort = portFromEnv('PLATFORM_PORT', 3000)
const devPort = portFromEnv('DEV_PORT', 5173)
const basePath = '/access/'
const appUrl = `http://localhost:${devPort}${basePath}`

// The platform starts first so the app's default service info (read by vite.config.ts's loadEnv) is known.
const platform = await startDemoPlatform({ port: platformPort, authPageUrl: `${appUrl}access.html` })
process.env.VITE_SERVICE_INFO_URL = `${platform.url}/reg/service/info`

// The built app uses relative URLs (`base: './'`); the dev server needs an absolute base to serve it under /access/.
const vite = await createServer({
  base: basePath,
  plugins: [localeHotUpdate()],
  server: { port: devPort, strictPort: true, host: 'localhost' },
})
await vite.listen()

console.log(demoBanner('Vite dev server (hot reload) and the demo Pryv.io platform are running.', appUrl, platform.url))
stopOnSignal(() => Promise.all([vite.close(), platform.close()]))
