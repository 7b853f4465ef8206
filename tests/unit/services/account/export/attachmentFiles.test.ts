// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { attachmentPath, attachmentsOf, openAttachment } from '@/services/account/export/attachmentFiles'
import { connection, stubPlatform, token } from './exportFixtures'

afterEach(() => vi.unstubAllGlobals())

const file = { eventId: 'e1', fileId: 'f1', fileName: 'my scan.pdf', size: 3 }

describe('attachmentsOf', () => {
  it('lists the files of an event, without their read tokens', () => {
    expect(
      attachmentsOf({
        id: 'e1',
        attachments: [{ id: 'f1', fileName: 'my scan.pdf', size: 3, readToken: 'r' }, { id: 'f2' }, { size: 1 }, 'x'],
      }),
    ).toEqual([file, { eventId: 'e1', fileId: 'f2', fileName: 'f2', size: 0 }])
  })

  it('lists nothing for an event without id or attachments', () => {
    expect(attachmentsOf({ attachments: [{ id: 'f' }] })).toEqual([])
    expect(attachmentsOf({ id: 'e', attachments: 'no' })).toEqual([])
  })
})

describe('attachmentPath', () => {
  it('files it under its event, its name made safe', () => {
    expect(attachmentPath(file)).toBe('attachments/e1/f1-my scan.pdf')
    expect(attachmentPath({ ...file, fileName: '../a\\b:c*?"<>|\u0001.txt' })).toBe(
      'attachments/e1/f1-.._a_b_c_______.txt',
    )
    expect(attachmentPath({ ...file, fileName: 'x'.repeat(200) })).toHaveLength('attachments/e1/f1-'.length + 120)
  })
})

describe('openAttachment', () => {
  it('GETs the file with the token in the header, never in the address', async () => {
    const calls = stubPlatform(() => ({ status: 200, body: new Uint8Array([1, 2, 3]).buffer }))
    const body = await openAttachment(connection, file, new AbortController().signal)
    expect(new Uint8Array(await new Response(body).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]))
    expect(calls[0]?.url.pathname).toBe('/alice/events/e1/f1/my%20scan.pdf')
    expect(calls[0]?.url.href).not.toContain(token)
    expect((calls[0]?.init.headers as Record<string, string>).Authorization).toBe(token)
  })

  it('answers null for a file the platform no longer has', async () => {
    stubPlatform(() => ({ status: 404, body: '{}' }))
    await expect(openAttachment(connection, file, new AbortController().signal)).resolves.toBeNull()
  })

  it('throws a server failure, and the network failing', async () => {
    stubPlatform(() => ({ status: 502, body: 'bad' }))
    await expect(openAttachment(connection, file, new AbortController().signal)).rejects.toMatchObject({
      code: 'server',
    })
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('offline')))
    await expect(openAttachment(connection, file, new AbortController().signal)).rejects.toMatchObject({
      code: 'network',
    })
  })

  it('passes a cancel on as it is', async () => {
    const controller = new AbortController()
    controller.abort(new Error('cancelled'))
    stubPlatform(() => ({ status: 200, body: '' }))
    await expect(openAttachment(connection, file, controller.signal)).rejects.toThrow('cancelled')
  })
})
