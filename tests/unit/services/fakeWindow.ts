import { vi } from 'vitest'

/** A message as the page posted it, and whether the browser would have handed it to the opener's page. */
export interface Posted {
  message: unknown
  targetOrigin: string
  delivered: boolean
}

/** A change of the address: a navigation (`assign`, `replace`) or a history write (`pushState`, `replaceState`). */
export interface AddressChange {
  kind: 'assign' | 'replace' | 'pushState' | 'replaceState'
  url: string
}

/** One history entry: its address and the state a script stored with it. */
export interface HistoryEntry {
  url: string
  state: unknown
}

/**
 * The window that opened the popup. As in browsers, a message reaches its page only when the target
 * origin is the origin the opener is at now (or `'*'`): after it moved to another site, nothing arrives.
 */
export class FakeOpener {
  readonly posted: Posted[] = []
  closed = false

  constructor(public origin: string) {}

  /** The messages its page received. */
  get received(): unknown[] {
    return this.posted.filter((post) => post.delivered).map((post) => post.message)
  }

  postMessage(message: unknown, targetOrigin: string): void {
    // Browsers send a structured clone: what the opener gets is what the page held at that moment.
    this.posted.push({
      message: structuredClone(message),
      targetOrigin,
      delivered: targetOrigin === '*' || targetOrigin === this.origin,
    })
  }
}

export interface FakeWindowOptions {
  /** The page's address when it loads. */
  url: string
  /** `document.referrer`: the page that opened or linked to this one ('' when the browser gave none). */
  referrer?: string
  opener?: FakeOpener | null
  /** Browsers close only windows a script opened; any other `close()` is ignored. */
  openedByScript?: boolean
  /** `top` is another window, or reading it throws. */
  framing?: 'none' | 'framed' | 'unreadable-top'
}

/** A window that records what the page did to it: its address, its history, its closing. */
export class FakeWindow {
  readonly addressChanges: AddressChange[] = []
  readonly entries: HistoryEntry[]
  private index = 0
  closeCalls = 0
  closed = false
  readonly opener: FakeOpener | null
  readonly document: { referrer: string }
  readonly location: FakeLocation
  readonly history: FakeHistory
  readonly self: FakeWindow = this
  private readonly openedByScript: boolean
  private readonly framing: NonNullable<FakeWindowOptions['framing']>

  constructor(options: FakeWindowOptions) {
    this.entries = [{ url: new URL(options.url).href, state: null }]
    this.opener = options.opener ?? null
    this.document = { referrer: options.referrer ?? '' }
    this.openedByScript = options.openedByScript ?? true
    this.framing = options.framing ?? 'none'
    this.location = new FakeLocation(this)
    this.history = new FakeHistory(this)
  }

  get top(): object {
    if (this.framing === 'unreadable-top') throw new DOMException('Blocked a frame', 'SecurityError')
    return this.framing === 'framed' ? {} : this
  }

  get current(): HistoryEntry {
    return this.entries[this.index] as HistoryEntry
  }

  /** Every address the page's history holds, the current one included. */
  get urls(): string[] {
    return this.entries.map((entry) => entry.url)
  }

  close(): void {
    this.closeCalls++
    this.closed = this.openedByScript
  }

  /** vue-router listens for popstate and pagehide; nothing here fires them. */
  addEventListener(): void {}
  removeEventListener(): void {}

  /** Resolves `url` against the current address, as `location` and `history` do. */
  resolve(url: string): URL {
    return new URL(url, this.current.url)
  }

  /** A navigation or a history write: a new entry after the current one (forward entries dropped), or the current one replaced. */
  write(kind: AddressChange['kind'], url: URL, state: unknown): void {
    this.addressChanges.push({ kind, url: url.href })
    const entry = { url: url.href, state: structuredClone(state) }
    if (kind === 'replace' || kind === 'replaceState') {
      this.entries[this.index] = entry
      return
    }
    this.entries.splice(this.index + 1, this.entries.length, entry)
    this.index = this.entries.length - 1
  }
}

class FakeLocation {
  constructor(private readonly win: FakeWindow) {}

  private get url(): URL {
    return new URL(this.win.current.url)
  }

  get href(): string {
    return this.url.href
  }
  get origin(): string {
    return this.url.origin
  }
  get protocol(): string {
    return this.url.protocol
  }
  get host(): string {
    return this.url.host
  }
  get hostname(): string {
    return this.url.hostname
  }
  get pathname(): string {
    return this.url.pathname
  }
  get search(): string {
    return this.url.search
  }
  get hash(): string {
    return this.url.hash
  }

  assign(url: string): void {
    this.win.write('assign', this.win.resolve(url), null)
  }

  replace(url: string): void {
    this.win.write('replace', this.win.resolve(url), null)
  }
}

class FakeHistory {
  constructor(private readonly win: FakeWindow) {}

  get length(): number {
    return this.win.entries.length
  }

  get state(): unknown {
    return this.win.current.state
  }

  pushState(state: unknown, _title: string, url?: string): void {
    this.win.write('pushState', this.sameOrigin(url), state)
  }

  replaceState(state: unknown, _title: string, url?: string): void {
    this.win.write('replaceState', this.sameOrigin(url), state)
  }

  /** History writes stay on the page's origin: browsers throw otherwise. */
  private sameOrigin(url: string | undefined): URL {
    const target = this.win.resolve(url ?? this.win.current.url)
    if (target.origin !== this.win.location.origin) throw new DOMException('Another origin', 'SecurityError')
    return target
  }
}

/** Makes `fake` the page's `window` (and its `location`, `history` and `document`); undone by `vi.unstubAllGlobals()`. */
export function installFakeWindow(options: FakeWindowOptions): FakeWindow {
  const fake = new FakeWindow(options)
  vi.stubGlobal('window', fake)
  vi.stubGlobal('location', fake.location)
  vi.stubGlobal('history', fake.history)
  vi.stubGlobal('document', fake.document)
  return fake
}
