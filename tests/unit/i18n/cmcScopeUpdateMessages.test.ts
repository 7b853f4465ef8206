import { describe, expect, it, vi } from 'vitest'
import { chooseLanguage, i18n } from '@/i18n'
import { loadCmcScopeUpdateMessages } from '@/i18n/cmcScopeUpdateMessages'

describe('loadCmcScopeUpdateMessages', () => {
  it("adds the scope-update page's messages, then those of each language chosen later", async () => {
    const { t } = i18n.global
    expect(i18n.global.te('cmcScopeUpdate.accept')).toBe(false)
    await loadCmcScopeUpdateMessages()
    expect(t('cmcScopeUpdate.accept')).toBe('Accept the change')
    await chooseLanguage('fr')
    await vi.waitFor(() => expect(t('cmcScopeUpdate.accept')).toBe('Accepter la modification'))
    // The language's own messages are still there: the page's are merged on top, not instead.
    expect(t('signIn.submit')).not.toBe('signIn.submit')
    await chooseLanguage('en')
  })
})
