import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import ConsentPermissionList from '@/components/consent/ConsentPermissionList.vue'
import OAuthCountdown from '@/components/oauth/OAuthCountdown.vue'
import { i18n, loadAccountMessages } from '@/i18n'
import { describePermission } from '@/services/permissionView'

beforeAll(loadAccountMessages)

const permissions = [
  describePermission({ streamId: 'health', level: 'read', defaultName: 'Health' }),
  describePermission({ streamId: 'diary', level: 'read' }),
]

describe('ConsentPermissionList in choice mode', () => {
  const mountWith = (choice: { ticked: boolean; locked: boolean }[]) =>
    mount(ConsentPermissionList, {
      props: { permissions, choice, lockedReason: 'Required by this app' },
      global: { plugins: [i18n] },
    })

  it('gives each entry a labelled checkbox; a locked one is ticked, disabled and described by its reason', () => {
    const wrapper = mountWith([
      { ticked: true, locked: true },
      { ticked: false, locked: false },
    ])
    const [locked, free] = wrapper.findAll<HTMLInputElement>('input[type="checkbox"]')
    expect(wrapper.findAll('label').map((label) => label.text())).toEqual(['Read “Health”', 'Read “diary”'])
    expect([locked?.element.checked, locked?.element.disabled, free?.element.checked, free?.element.disabled]).toEqual([
      true,
      true,
      false,
      false,
    ])
    const reasonId = locked?.attributes('aria-describedby')
    expect(wrapper.find(`[id="${reasonId}"]`).text()).toBe('Required by this app')
    expect(free?.attributes('aria-describedby')).toBeUndefined()
  })

  it('tells which entry was ticked or unticked', async () => {
    const wrapper = mountWith([
      { ticked: true, locked: true },
      { ticked: true, locked: false },
    ])
    await wrapper.findAll('input[type="checkbox"]')[1]?.setValue(false)
    expect(wrapper.emitted('toggle')).toEqual([[1, false]])
  })

  it('is a plain list without a choice', () => {
    const wrapper = mount(ConsentPermissionList, { props: { permissions }, global: { plugins: [i18n] } })
    expect(wrapper.findAll('input')).toHaveLength(0)
    expect(wrapper.findAll('li').map((item) => item.text())).toEqual(['Read “Health”', 'Read “diary”'])
  })
})

describe('OAuthCountdown', () => {
  const texts = (secondsLeft: number) =>
    mount(OAuthCountdown, { props: { secondsLeft }, global: { plugins: [i18n] } })
      .findAll('p')
      .map((p) => p.text())

  it('shows minutes and seconds, and announces only whole minutes, then the last one', () => {
    expect(texts(272)).toEqual(['Time left to answer: 4:32', '5 minutes left to answer'])
    expect(texts(241)).toEqual(['Time left to answer: 4:01', '5 minutes left to answer'])
    expect(texts(61)).toEqual(['Time left to answer: 1:01', '2 minutes left to answer'])
    expect(texts(60)).toEqual(['Time left to answer: 1:00', 'One minute left to answer'])
    expect(texts(9)).toEqual(['Time left to answer: 0:09', 'Less than a minute left to answer'])
  })
})
