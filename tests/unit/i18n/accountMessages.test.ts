import { beforeEach, describe, expect, it, vi } from 'vitest'

// Each test starts from a fresh i18n module: which messages are loaded is the module's own state.
async function freshI18n() {
  vi.resetModules()
  return import('@/i18n')
}

describe("account pages' messages", () => {
  beforeEach(() => {
    document.documentElement.lang = ''
  })

  it('stay out of the first load, and come when an account page asks for them', async () => {
    const { i18n, loadAccountMessages } = await freshI18n()
    expect(i18n.global.te('signInHub.title', 'en')).toBe(false)
    await loadAccountMessages()
    expect(i18n.global.t('signInHub.title')).toBe('Go to your account')
  })

  it('follow a language chosen afterwards, beside its core messages', async () => {
    const { chooseLanguage, i18n, loadAccountMessages } = await freshI18n()
    await loadAccountMessages()
    await chooseLanguage('de')
    expect(i18n.global.t('signInHub.title')).toBe('Zu Ihrem Konto')
    expect(i18n.global.te('signIn.title', 'de')).toBe(true)
  })

  it('come in the language already shown when the page asks for them', async () => {
    const { chooseLanguage, i18n, loadAccountMessages } = await freshI18n()
    await chooseLanguage('it')
    expect(i18n.global.te('signInHub.title', 'it')).toBe(false)
    await loadAccountMessages()
    expect(i18n.global.t('signInHub.title')).toBe('Vai al tuo account')
  })
})

describe("CMC pages' messages", () => {
  it('stay out of the first load and of the account pages, and follow a language chosen afterwards', async () => {
    const { chooseLanguage, i18n, loadAccountMessages } = await freshI18n()
    await loadAccountMessages()
    expect(i18n.global.te('cmcAccept.refuse', 'en')).toBe(false)
    const { loadCmcMessages } = await import('@/i18n/cmcMessages')
    await loadCmcMessages()
    expect(i18n.global.t('cmcAccept.refuse')).toBe('Refuse')
    await chooseLanguage('fr')
    expect(i18n.global.t('cmcAccept.refuse')).toBe('Refuser')
    expect(i18n.global.t('signInHub.title')).not.toBe('signInHub.title')
  })
})
