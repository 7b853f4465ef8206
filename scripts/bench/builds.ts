import { fileURLToPath } from 'node:url'

const projectDir = fileURLToPath(new URL('../../', import.meta.url))
export const appDistDir = `${projectDir}dist`
export const resultsDir = `${projectDir}bench-results`
export const floorDistDir = `${resultsDir}/floor-dist`

/**
 * Vite and its Vue plugin, loaded only once NODE_ENV says production, as the
 * `vite` command does before loading them: the Vue compiler reads it when
 * loaded, and would otherwise keep development code (v-if comments) in the build.
 */
async function productionVite() {
  process.env.NODE_ENV = 'production'
  const [{ build }, { default: vue }] = await Promise.all([import('vite'), import('@vitejs/plugin-vue')])
  return { build, vue }
}

/** `vite build` of the app with the project's config, its default service info on the demo platform. */
export async function buildApp(platformUrl: string): Promise<void> {
  const { build } = await productionVite()
  process.env.VITE_SERVICE_INFO_URL = `${platformUrl}/reg/service/info`
  await build({ root: projectDir, mode: 'production', logLevel: 'warn' })
}

/** The floor page (scripts/bench/floor/), built the same way into bench-results/. */
export async function buildFloor(): Promise<void> {
  const { build, vue } = await productionVite()
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./floor/', import.meta.url)),
    base: './',
    plugins: [vue()],
    logLevel: 'warn',
    build: { outDir: floorDistDir, emptyOutDir: true, target: 'es2022' },
  })
}
