import { mount } from '@vue/test-utils'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import AccountSecurityCodes from '@/components/account/AccountSecurityCodes.vue'
import { i18n } from '@/i18n'
import { loadAccountSecurityMessages } from '@/i18n/accountSecurityMessages'

beforeAll(loadAccountSecurityMessages)
afterEach(() => vi.unstubAllGlobals())

const codes = ['code-1', 'code-2']

function mountCodes() {
  return mount(AccountSecurityCodes, {
    props: { codes, username: 'alice', platform: 'pryv.example.com' },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
}

function button(wrapper: ReturnType<typeof mountCodes>, name: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === name)
  if (!found) throw new Error(name)
  return found
}

describe('AccountSecurityCodes', () => {
  it('lists the codes and lets "Done" through only once the person says they kept them', async () => {
    const wrapper = mountCodes()
    expect(wrapper.findAll('li').map((item) => item.text())).toEqual(codes)
    expect(button(wrapper, 'Done').attributes('disabled')).toBeDefined()
    await wrapper.get('input[type="checkbox"]').setValue(true)
    await button(wrapper, 'Done').trigger('click')
    expect(wrapper.emitted('done')).toHaveLength(1)
    wrapper.unmount()
  })

  it('downloads and copies a text file naming the account, one code a line', async () => {
    const blobs: Blob[] = []
    vi.stubGlobal('URL', {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob)
        return 'blob:codes'
      },
      revokeObjectURL: vi.fn(),
    })
    const writeText = vi.fn(async () => undefined)
    vi.stubGlobal('navigator', { clipboard: { writeText } })
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect([this.download, this.href]).toEqual(['recovery-codes-alice.txt', 'blob:codes'])
    })
    const wrapper = mountCodes()
    await button(wrapper, 'Download as a text file').trigger('click')
    expect(clicks).toHaveBeenCalledTimes(1)
    const text = await blobs[0]?.text()
    expect(text).toContain('alice @ pryv.example.com\n\ncode-1\ncode-2\n')
    await button(wrapper, 'Copy').trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).toContain('The codes are copied.'))
    expect(writeText).toHaveBeenCalledWith(text)
    wrapper.unmount()
  })
})
