// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { readmeText } from '@/services/account/export/exportReadme'

const text = readmeText({ username: 'alice', startedAt: '2026-01-01T00:00:00.000Z', platform: 'api.example.com' })
const lines = text.split('\n')

/** The README's words about `name`: its line and the indented lines after it. */
function about(name: string): string {
  const start = lines.findIndex((line) => line.startsWith(name))
  if (start < 0) return ''
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => !line.startsWith(' '))
  return [lines[start], ...rest.slice(0, end < 0 ? rest.length : end)].join(' ').replace(/\s+/g, ' ')
}

describe('README.txt', () => {
  it('says, after a blank line, how the files are written and that no secret is in them', () => {
    expect(lines[3]).toBe('')
    expect(lines[4]).toBe('Every file is UTF-8. JSON files are standard JSON; lists hold one item per line.')
    expect(lines[5]).toBe(
      'No access token, token hash, attachment read token or stored recovery code is in this export.',
    )
    expect(lines[6]).toBe('')
  })

  it('says what each file holds', () => {
    expect(about('account.json')).toContain('The account: username, language, e-mail addresses, storage used.')
    expect(about('profile.json')).toContain('private and public profiles (two-factor phone and codes left out)')
    expect(about('streams.json')).toContain('Every stream, as a tree, trashed ones included')
    expect(about('events/0001.json')).toContain('oldest first, 1,000 per file.')
    expect(about('events/0001.json')).toContain('Events of the account fields are in account.json instead.')
    expect(about('event-deletions.json')).toContain('their id and when they were deleted')
    expect(about('attachments/<event id>/<file id>-<file name>')).toContain(
      'The files attached to events, as the platform holds them.',
    )
    expect(about('accesses.json')).toContain('expired and deleted ones included, without their tokens.')
    expect(about('webhooks.json')).toContain('The account webhooks.')
    expect(about('audit/0001.json')).toContain('every call made with an access to the account')
    expect(about('MISSING.txt')).toContain('Only when something could not be read: what is missing and why.')
  })

  it('ends with a line break', () => {
    expect(text.endsWith('why.\n')).toBe(true)
  })
})
