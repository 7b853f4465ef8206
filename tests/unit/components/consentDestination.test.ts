import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ConsentDestination from '@/components/consent/ConsentDestination.vue'
import { i18n } from '@/i18n'
import { resultDestination, type ResultDestination } from '@/services/resultDestination'

function lineFor(destination: ResultDestination | null, registered = false) {
  if (!destination) throw new Error('no destination')
  return mount(ConsentDestination, { props: { destination, registered }, global: { plugins: [i18n] } }).find('p')
}

describe('ConsentDestination', () => {
  it('names the host of an https address, with no warning', () => {
    const line = lineFor(resultDestination('https://app.example/back'))
    expect(line.text()).toBe('Your answer goes to app.example.')
    expect(line.classes()).not.toContain('notice-warning')
  })

  it('names the window that opened the page when there is no address', () => {
    expect(lineFor(resultDestination(undefined)).text()).toBe(
      'Your answer goes back to the window that opened this page.',
    )
  })

  it('flags a plain http address and a loopback one in words, as a warning', () => {
    const plain = lineFor(resultDestination('http://app.example/back'))
    expect(plain.text()).toContain('does not use https')
    expect(plain.classes()).toContain('notice-warning')
    expect(lineFor(resultDestination('http://127.0.0.1:9000/')).text()).toContain('(loopback)')
  })

  it('says when the host is only the one the app registered', () => {
    expect(lineFor(resultDestination('https://client.example/cb'), true).text()).toBe(
      'Your answer goes to the address the app registered, on client.example.',
    )
  })
})
