import { flushPromises, mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import RegisterForm from '@/components/register/RegisterForm.vue'
import { i18n, loadAccountMessages } from '@/i18n'
import type { AccountForm, FieldProblems } from '@/services/register/accountRules'
import { availableHostings, parseHostings } from '@/services/register/hostings'

// These forms belong to the account pages, whose messages the router loads with them.
beforeAll(loadAccountMessages)

const page = { template: '<div />' }

async function routerAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/auth', name: 'auth', component: page },
      { path: '/register', name: 'register', component: page },
    ],
  })
  await router.push(path)
  return router
}

function hostingsOf(keys: string[]) {
  const tree = {
    regions: {
      eu: {
        name: 'Europe',
        zones: {
          ch: {
            name: 'Switzerland',
            hostings: Object.fromEntries(
              keys.map((key) => [key, { name: key.toUpperCase(), description: `About ${key}`, available: true }]),
            ),
          },
        },
      },
    },
  }
  const regions = parseHostings(tree)
  return { status: 'done' as const, error: null, regions, available: availableHostings(regions) }
}

async function mountForm(
  options: {
    keys?: string[]
    problems?: FieldProblems
    submit?: (form: AccountForm) => Promise<boolean>
    path?: string
    inAuthRequest?: boolean
  } = {},
) {
  const router = await routerAt(options.path ?? '/register')
  const submit = vi.fn(options.submit ?? (async () => true))
  const wrapper = mount(RegisterForm, {
    attachTo: document.body,
    props: {
      registration: {
        submit,
        status: 'idle' as const,
        error: null,
        problems: options.problems ?? {},
        terms: null,
        inAuthRequest: options.inAuthRequest ?? false,
      },
      hostings: hostingsOf(options.keys ?? ['only']),
      availability: { availability: 'unknown' as const, username: '' },
    },
    global: { plugins: [i18n, router] },
  })
  return { wrapper, submit }
}

describe('RegisterForm', () => {
  it('uses a single hosting without asking, and sends what was typed with the right autocomplete', async () => {
    const { wrapper, submit } = await mountForm()
    expect(wrapper.find('select').exists()).toBe(false)
    const inputs = wrapper.findAll('input')
    expect(inputs.map((input) => input.attributes('autocomplete'))).toEqual([
      'email',
      'username',
      'new-password',
      'new-password',
    ])
    await inputs[0]?.setValue('alice@example.com')
    await inputs[1]?.setValue('alice')
    await inputs[2]?.setValue('secret-1')
    await inputs[3]?.setValue('secret-1')
    await wrapper.get('form').trigger('submit')
    expect(submit).toHaveBeenCalledWith({
      email: 'alice@example.com',
      username: 'alice',
      password: 'secret-1',
      hosting: 'only',
    })
    wrapper.unmount()
  })

  it('offers several hostings, the first preselected and described', async () => {
    const { wrapper } = await mountForm({ keys: ['first', 'second'] })
    const select = wrapper.get('select')
    expect((select.element as HTMLSelectElement).value).toBe('first')
    expect(wrapper.get(`#${select.attributes('aria-describedby')}`).text()).toBe('About first')
    expect(wrapper.findAll('option').map((option) => option.text())).toEqual(['FIRST', 'SECOND'])
    wrapper.unmount()
  })

  it('moves focus to the first field to correct when the submit is refused', async () => {
    const { wrapper } = await mountForm({
      problems: { username: { rule: 'username-format' }, password: { rule: 'password-twice' } },
      submit: async () => false,
    })
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const username = wrapper.findAll('input')[1]
    expect(document.activeElement).toBe(username?.element)
    expect(username?.attributes('aria-invalid')).toBe('true')
    expect(wrapper.text()).toContain('Type the password, then the same again to confirm it.')
    wrapper.unmount()
  })

  it('links back to the sign-in of the request, keeping its query but never a reset token', async () => {
    const { wrapper } = await mountForm({ inAuthRequest: true, path: '/register?key=k1&poll=p&resetToken=secret' })
    const href = wrapper.get('a').attributes('href') ?? ''
    expect(href).toContain('/auth?key=k1&poll=p')
    expect(href).not.toContain('resetToken')
    wrapper.unmount()
  })
})
