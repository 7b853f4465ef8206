// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseSaveTarget, countingBytes, saveMode } from '@/services/account/export/exportWriter'

afterEach(() => {
  Reflect.deleteProperty(window, 'showSaveFilePicker')
  vi.restoreAllMocks()
})

const streamOf = (...chunks: number[][]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk))
      controller.close()
    },
  })

function pickerSaving(into: number[][]) {
  const writable = new WritableStream<Uint8Array>({ write: (chunk) => void into.push([...chunk]) })
  const picker = vi.fn(async () => ({ createWritable: async () => writable }))
  Reflect.set(window, 'showSaveFilePicker', picker)
  return picker
}

describe('chooseSaveTarget with the File System Access API', () => {
  it('asks where to save a ZIP, then writes the stream into that file', async () => {
    const written: number[][] = []
    const picker = pickerSaving(written)
    expect(saveMode()).toBe('picker')
    const target = await chooseSaveTarget('export.zip')
    expect(picker).toHaveBeenCalledWith({
      suggestedName: 'export.zip',
      types: [{ description: 'ZIP', accept: { 'application/zip': ['.zip'] } }],
    })
    expect(target?.mode).toBe('picker')
    await target?.write(streamOf([1, 2], [3]), new AbortController().signal)
    expect(written).toEqual([[1, 2], [3]])
  })

  it('answers null when the person closes the picker, and throws other failures', async () => {
    Reflect.set(window, 'showSaveFilePicker', vi.fn().mockRejectedValue(new DOMException('closed', 'AbortError')))
    await expect(chooseSaveTarget('x.zip')).resolves.toBeNull()
    Reflect.set(window, 'showSaveFilePicker', vi.fn().mockRejectedValue(new DOMException('no', 'SecurityError')))
    await expect(chooseSaveTarget('x.zip')).rejects.toMatchObject({ name: 'SecurityError' })
  })
})

describe('chooseSaveTarget without it nor a service worker (jsdom has none)', () => {
  it('keeps the ZIP whole, then downloads it under its name', async () => {
    expect(saveMode()).toBe('memory')
    const created = vi.fn(() => 'blob:export')
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('export.zip')
      expect(this.href).toBe('blob:export')
    })
    const target = await chooseSaveTarget('export.zip')
    expect(target?.mode).toBe('memory')
    await target?.write(streamOf([1]), new AbortController().signal)
    expect(click).toHaveBeenCalledTimes(1)
    expect(created).toHaveBeenCalledTimes(1)
  })

  it('downloads nothing once cancelled', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click')
    const controller = new AbortController()
    controller.abort(new Error('cancelled'))
    const target = await chooseSaveTarget('export.zip')
    await expect(target?.write(streamOf([1]), controller.signal)).rejects.toThrow()
    expect(click).not.toHaveBeenCalled()
  })
})

describe('countingBytes', () => {
  it('passes the bytes through, telling the running total', async () => {
    const totals: number[] = []
    const out = countingBytes(streamOf([1, 2], [3, 4, 5]), (total) => totals.push(total))
    expect(new Uint8Array(await new Response(out).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3, 4, 5]))
    expect(totals).toEqual([2, 5])
  })
})
