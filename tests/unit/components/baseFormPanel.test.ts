import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import BaseFormPanel from '@/components/base/BaseFormPanel.vue'
import { i18n } from '@/i18n'
import { loadMfaMessages } from '@/i18n/mfaMessages'
import { AppError } from '@/services/appError'

const mountPanel = (props: { texts: string; error?: AppError | null; offerRetry?: boolean }) =>
  mount(BaseFormPanel, { props: { error: null, ...props }, global: { plugins: [i18n] } })

beforeAll(() => loadMfaMessages())

describe('BaseFormPanel', () => {
  it('takes its heading, intro and submit label from its i18n group, and shows no intro when the group has none', () => {
    const mfa = mountPanel({ texts: 'mfa' })
    expect(mfa.get('h1').text()).toBe('Enter your verification code')
    expect(mfa.findAll('p').map((p) => p.text())).toContain(i18n.global.t('mfa.intro'))
    expect(mfa.get('button[type="submit"]').text()).toBe('Verify')

    const signIn = mountPanel({ texts: 'signIn' })
    expect([signIn.get('h1').text(), signIn.get('button[type="submit"]').text()]).toEqual(['Sign in', 'Sign in'])
    expect(signIn.find('h1 + p').exists()).toBe(false)
  })

  it('submits the form again on "Try again", once per press', async () => {
    const panel = mountPanel({ texts: 'signIn', error: new AppError('network'), offerRetry: true })
    await panel.get('.alert button').trigger('click')
    expect(panel.emitted('submit')).toHaveLength(1)
  })
})
