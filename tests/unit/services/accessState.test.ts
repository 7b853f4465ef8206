import { describe, expect, it } from 'vitest'
import { parseAccessState } from '@/services/accessState'
import { AppError } from '@/services/appError'

const serviceInfo = {
  access: 'http://127.0.0.1:3000/reg/access/',
  api: 'http://127.0.0.1:3000/{username}/',
  register: 'http://127.0.0.1:3000/reg/',
  name: 'Pryv Lab',
  home: 'https://pryv.com',
  assets: { definitions: 'http://127.0.0.1:3000/www/assets/index.json' },
}

// A NEED_SIGNIN poll answer as open-pryv.io 2.0 sends it: fields not given are null.
const observed = {
  status: 'NEED_SIGNIN',
  code: 201,
  key: 'k3y',
  requestingAppId: 'demo-app',
  requestedPermissions: [{ streamId: 'diary', level: 'read', defaultName: 'Diary' }],
  url: 'http://127.0.0.1:4173/access/access.html?key=k3y',
  authUrl: 'http://127.0.0.1:4173/access/access.html?key=k3y',
  poll: 'http://127.0.0.1:3000/reg/access/k3y',
  poll_rate_ms: 1000,
  lang: 'fr',
  returnURL: null,
  oauthState: null,
  clientData: null,
  serviceInfo,
}

function codeOf(value: unknown): string {
  try {
    parseAccessState(value)
    return 'no error'
  } catch (err) {
    return err instanceof AppError ? err.code : 'other error'
  }
}

describe('parseAccessState', () => {
  it('reads an observed NEED_SIGNIN state, null fields becoming undefined', () => {
    expect(parseAccessState(observed)).toEqual({
      status: 'NEED_SIGNIN',
      key: 'k3y',
      requestingAppId: 'demo-app',
      requestedPermissions: [{ streamId: 'diary', level: 'read', defaultName: 'Diary' }],
      serviceInfo,
      lang: 'fr',
    })
    const state = parseAccessState(observed)
    expect(state.status === 'NEED_SIGNIN' && state.clientData).toBeUndefined()
    expect(state.status === 'NEED_SIGNIN' && state.returnURL).toBeUndefined()
  })

  it('keeps the optional fields that are set', () => {
    const state = parseAccessState({
      ...observed,
      returnURL: 'https://app.example/cb',
      oauthState: 12,
      clientData: { 'app-web-auth:description': 'hi' },
      deviceName: 'phone',
      expireAfter: 3600,
      token: 'wanted-token',
    })
    expect(state).toMatchObject({
      returnURL: 'https://app.example/cb',
      oauthState: '12',
      clientData: { 'app-web-auth:description': 'hi' },
      deviceName: 'phone',
      expireAfter: 3600,
      token: 'wanted-token',
    })
  })

  it('drops an incomplete serviceInfo and non-positive expireAfter', () => {
    const state = parseAccessState({ ...observed, serviceInfo: { ...serviceInfo, access: '' }, expireAfter: 0 })
    expect(state).toMatchObject({ status: 'NEED_SIGNIN', serviceInfo: undefined, expireAfter: undefined })
  })

  it('keeps non-object permission items as { value }', () => {
    const state = parseAccessState({
      ...observed,
      requestedPermissions: ['read-all', 7, { feature: 'selfRevoke', setting: 'forbidden' }],
    })
    expect(state.status === 'NEED_SIGNIN' && state.requestedPermissions).toEqual([
      { value: 'read-all' },
      { value: '7' },
      { feature: 'selfRevoke', setting: 'forbidden' },
    ])
  })

  it('reads the final states', () => {
    expect(
      parseAccessState({
        status: 'ACCEPTED',
        username: 'alice',
        token: 't',
        apiEndpoint: 'https://t@x/alice/',
        code: 200,
      }),
    ).toEqual({ status: 'ACCEPTED', username: 'alice', token: 't', apiEndpoint: 'https://t@x/alice/' })
    expect(parseAccessState({ status: 'REFUSED', reasonId: 'REFUSED_BY_USER', message: 'no' })).toEqual({
      status: 'REFUSED',
      reasonId: 'REFUSED_BY_USER',
      message: 'no',
    })
    expect(parseAccessState({ status: 'ERROR', reasonID: 500 })).toEqual({
      status: 'ERROR',
      reasonId: '500',
      message: undefined,
    })
    expect(
      parseAccessState({ status: 'REDIRECTED', redirectUrl: 'https://core2/', poll: 'https://core2/poll' }),
    ).toEqual({ status: 'REDIRECTED', redirectUrl: 'https://core2/', poll: 'https://core2/poll' })
  })

  it('throws unexpected-answer on a malformed state', () => {
    expect(codeOf({ ...observed, key: undefined })).toBe('unexpected-answer')
    expect(codeOf({ ...observed, requestingAppId: '' })).toBe('unexpected-answer')
    expect(codeOf({ ...observed, requestedPermissions: null })).toBe('unexpected-answer')
    expect(codeOf({ status: 'PENDING' })).toBe('unexpected-answer')
    expect(codeOf('NEED_SIGNIN')).toBe('unexpected-answer')
    expect(codeOf(null)).toBe('unexpected-answer')
  })
})
