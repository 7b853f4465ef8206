import { expect, type Page } from '@playwright/test'
import { platformUrl } from './urls'

/** What the header and the theme show: the platform's name, its logo and the accent colour of every themed element. */
export interface Look {
  name: string
  logo: string
  accent: string
}

/** The demo platform's look (tests/demo-platform/service-info.ts), in the light theme. */
export const demoLook: Look = { name: 'Demo Pryv.io', logo: `${platformUrl}/demo-assets/logo.svg`, accent: '#a30d22' }
/** Our own look, which a page keeps when no platform can be known (src/styles/theme.css, src/assets/logo.svg). */
export const neutralLook = { name: 'Pryv.io', logo: /\/access\/assets\/logo-[\w-]+\.svg$/, accent: '#1f4e8c' }

export interface LookRecord {
  /** Every look the page showed, in order, each once (`shown`: the page's main content was visible). */
  looks: Array<Look & { shown: boolean }>
  /** The look at the first moment the page's main content was visible. */
  firstScreen: Look | null
}

/**
 * Records, from before the page's own scripts and on every change of the document, the look it shows: a screenshot-free
 * trace of the name, the logo and the accent colour (the `--color-primary` every themed element is painted with).
 */
export async function recordLook(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record: LookRecord = { looks: [], firstScreen: null }
    Object.assign(window, { __lookRecord: record })
    const check = (): void => {
      const look: Look = {
        name: document.querySelector('.shell-name')?.textContent?.trim() ?? '',
        logo: (document.querySelector('.shell-logo') as HTMLImageElement | null)?.src ?? '',
        accent: getComputedStyle(document.documentElement).getPropertyValue('--color-primary').trim(),
      }
      const main = document.querySelector('main')
      const shown = [...(main?.children ?? [])].some((child) => child.getClientRects().length > 0)
      if (shown) record.firstScreen ??= look
      const last = record.looks.at(-1)
      if (!last || JSON.stringify(last) !== JSON.stringify({ ...look, shown })) record.looks.push({ ...look, shown })
    }
    new MutationObserver(check).observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      characterData: true,
    })
  })
}

export async function recordedLook(page: Page): Promise<LookRecord> {
  return page.evaluate(() => (window as unknown as { __lookRecord: LookRecord }).__lookRecord)
}

/** The look shown now, read from the page as the recorder reads it. */
export async function currentLook(page: Page): Promise<Look> {
  return {
    name: (await page.locator('.shell-name').textContent())?.trim() ?? '',
    logo: await page.locator('.shell-logo').evaluate((image: HTMLImageElement) => image.src),
    accent: await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--color-primary').trim(),
    ),
  }
}

/** Every look the page showed that names or pictures anything is the platform's, whole (name, logo and colour); it shows now. */
export async function expectOnlyPlatformLook(page: Page): Promise<void> {
  for (const look of (await recordedLook(page)).looks)
    if (look.name !== '' || look.logo !== '') expect(look).toMatchObject({ ...demoLook })
  expect(await currentLook(page)).toEqual(demoLook)
}

/** The page's first screen with content, and every one after it, was in the platform's look: it never showed another. */
export async function expectPlatformLookFromFirstScreen(page: Page): Promise<void> {
  const record = await recordedLook(page)
  expect(record.firstScreen).toEqual(demoLook)
  for (const look of record.looks) if (look.shown) expect(look).toEqual({ ...demoLook, shown: true })
  await expectOnlyPlatformLook(page)
}
