import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import RegisterTerms from '@/components/register/RegisterTerms.vue'
import { chooseLanguage, i18n, loadAccountMessages } from '@/i18n'

beforeAll(loadAccountMessages)

function mountTerms(terms: { kind: 'link'; url: string } | { kind: 'text'; text: string } | null) {
  return mount(RegisterTerms, { props: { terms }, global: { plugins: [i18n] } })
}

describe('RegisterTerms', () => {
  it('puts the link to the terms in its place in the sentence, opening in a new tab', () => {
    const wrapper = mountTerms({ kind: 'link', url: 'https://pryv.example.com/terms' })
    expect(wrapper.text()).toBe('By creating an account, you accept the terms of use.')
    const link = wrapper.get('a')
    expect(link.text()).toBe('terms of use')
    expect(link.attributes()).toMatchObject({
      href: 'https://pryv.example.com/terms',
      target: '_blank',
      rel: 'noopener noreferrer',
    })
  })

  it('builds the sentence in the language shown', async () => {
    await chooseLanguage('de')
    const wrapper = mountTerms({ kind: 'link', url: 'https://pryv.example.com/terms' })
    expect(wrapper.text()).toBe('Mit der Erstellung eines Kontos akzeptieren Sie die Nutzungsbedingungen.')
    expect(wrapper.get('a').text()).toBe('Nutzungsbedingungen')
    await chooseLanguage('en')
  })

  it("shows the platform's own text as text, and nothing without terms", () => {
    expect(mountTerms({ kind: 'text', text: 'Be nice <b>now</b>' }).text()).toBe('Terms of use: Be nice <b>now</b>')
    expect(mountTerms(null).html()).toBe('<!--v-if-->')
  })
})
