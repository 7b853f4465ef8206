// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AccessRequest, AccessState } from '@/services/accessState'
import { checkAppAccess } from '@/services/auth/appAccess'
import { fetchAccessState, notifyPollUrl, type PollUpdate } from '@/services/auth/pollUrl'
import { signIn } from '@/services/signIn'
import { FakeOpener, installFakeWindow } from '../../services/fakeWindow'
import { pollUrl, session, setUpAuthFlow, waiting } from './authFlowFixture'

// The auth popup's ending through the real window module: the app learns the answer from the poll URL,
// so the popup only closes itself or leads to the return address, and posts nothing to any window.

vi.mock('@/services/auth/appAccess', () => ({
  checkAppAccess: vi.fn(),
  createAppAccess: vi.fn(),
  deleteAccess: vi.fn(),
  appApiEndpoint: vi.fn(async () => 'https://app-token@alice.pryv.example/'),
}))
vi.mock('@/services/auth/pollUrl', () => ({
  notifyPollUrl: vi.fn(),
  fetchAccessState: vi.fn(),
  pollUrlForKey: vi.fn(),
}))
vi.mock('@/services/signIn', () => ({
  resolveUsername: vi.fn(async (_service, login) => login),
  signIn: vi.fn(),
  signOut: vi.fn(async () => undefined),
}))

const popupPage = 'https://sw.pryv.example/access.html?lang=en'
let opener: FakeOpener

/** A popup the app at `openerOrigin` opened, for a loaded request; the person signs in and continues on the confirmation. */
async function answered(request: AccessRequest, options: { openerOrigin?: string; openedByScript?: boolean } = {}) {
  opener = new FakeOpener(options.openerOrigin ?? 'https://app.example')
  const win = installFakeWindow({ url: popupPage, referrer: 'https://app.example/', opener, ...options })
  const flow = setUpAuthFlow(request)
  await flow.signIn('alice', 'password-1')
  await flow.consent?.accept()
  return { win, flow }
}

function postedNothing() {
  expect(opener.posted).toEqual([])
}

beforeEach(() => {
  vi.mocked(signIn).mockResolvedValue({ kind: 'signed-in', session })
  vi.mocked(fetchAccessState).mockResolvedValue(waiting)
  vi.mocked(notifyPollUrl).mockImplementation(async (_url, update: PollUpdate) => update as AccessState)
  vi.mocked(checkAppAccess).mockResolvedValue({
    kind: 'matching',
    names: new Map(),
    token: 'app-token',
    permissions: waiting.requestedPermissions,
  })
})

afterEach(() => vi.unstubAllGlobals())

describe('auth popup ending, in the window', () => {
  it('closes the popup without a return address, the address untouched', async () => {
    const { win, flow } = await answered(waiting)
    expect(flow.ending).toEqual({ kind: 'close' })
    expect([win.closeCalls, win.closed]).toEqual([1, true])
    expect(win.addressChanges).toEqual([])
    postedNothing()
  })

  it('stays open when the browser keeps the window, so the page can say it may be closed', async () => {
    const { win, flow } = await answered(waiting, { openedByScript: false })
    expect(flow.view).toBe('ended')
    expect([win.closeCalls, win.closed]).toEqual([1, false])
  })

  it('leads to the return address in one navigation, without closing', async () => {
    const { win } = await answered({ ...waiting, returnURL: 'https://app.example/back?x=1' })
    expect(win.addressChanges.map((change) => change.kind)).toEqual(['assign'])
    const address = new URL(win.location.href)
    expect(address.origin + address.pathname).toBe('https://app.example/back')
    expect([address.searchParams.get('x'), address.searchParams.get('prYvstatus')]).toEqual(['1', 'ACCEPTED'])
    expect(address.searchParams.get('prYvpoll')).toBe(pollUrl)
    expect(win.closeCalls).toBe(0)
    postedNothing()
  })

  it('neither leaves nor closes for a return address that is not a web address', async () => {
    const { win, flow } = await answered({ ...waiting, returnURL: 'javascript:alert(1)' })
    expect(flow.ending).toEqual({ kind: 'unsafe-target' })
    expect(win.addressChanges).toEqual([])
    expect(win.closeCalls).toBe(0)
  })

  it('gives an opener that moved to another origin nothing, whichever way the popup ends', async () => {
    await answered(waiting, { openerOrigin: 'https://elsewhere.example' })
    postedNothing()
    await answered({ ...waiting, returnURL: 'https://app.example/back' }, { openerOrigin: 'https://elsewhere.example' })
    postedNothing()
  })
})
