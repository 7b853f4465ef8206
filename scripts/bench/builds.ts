import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { build } from 'vite'

const projectDir = fileURLToPath(new URL('../../', import.meta.url))
export const appDistDir = `${projectDir}dist`
export const resultsDir = `${projectDir}bench-results`
export const floorDistDir = `${resultsDir}/floor-dist`

/** `vite build` of the app with the project's config, its default service info on the demo platform. */
export async function buildApp(platformUrl: string): Promise<void> {
  process.env.VITE_SERVICE_INFO_URL = `${platformUrl}/reg/service/info`
  await build({ root: projectDir, mode: 'production', logLevel: 'warn' })
}

/** The floor page (scripts/bench/floor/), built the same way into bench-results/. */
export async function buildFloor(): Promise<void> {
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./floor/', import.meta.url)),
    base: './',
    plugins: [vue()],
    logLevel: 'warn',
    build: { outDir: floorDistDir, emptyOutDir: true, target: 'es2022' },
  })
}
