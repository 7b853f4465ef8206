import type { Plugin } from 'vite'
import { entryPageCopies } from './entry-pages.ts'

/**
 * Writes a copy of the built index.html under each legacy entry-point name and
 * as 404.html. A Vite plugin rather than a script run after the build: every
 * `vite build` (npm run build, npm test, the publish command) gets the files,
 * and they are part of the bundle Vite reports. Asset URLs stay relative
 * (`base: './'`), so each copy works from any folder.
 */
export function entryPagesPlugin(): Plugin {
  return {
    name: 'app-web-auth3:entry-pages',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html']
      if (index?.type !== 'asset') {
        this.error('index.html is missing from the build: the entry-page copies need it.')
      }
      for (const fileName of entryPageCopies) {
        this.emitFile({ type: 'asset', fileName, source: index.source })
      }
    },
  }
}
