import { describe, expect, it } from 'vitest'
import { describeConfigProblems, parseConfig, type ConfigEnv } from '@/configRules'

function problemsOf(env: ConfigEnv): string[] {
  const result = parseConfig(env)
  return result.ok ? [] : result.problems
}

function configOf(env: ConfigEnv) {
  const result = parseConfig(env)
  if (!result.ok) throw new Error(result.problems.join('\n'))
  return result.config
}

describe('parseConfig defaults', () => {
  it('builds for a DNS-less platform beside the pages when nothing is set', () => {
    expect(configOf({})).toEqual({
      appId: 'pryv-app-web-auth-3',
      defaultServiceInfoUrl: '/reg/service/info',
      trustedPlatforms: [],
      defaultLanguage: 'en',
      trustedAppOrigins: [],
      silentMatchingAccess: false,
      tokenFreeReturnUrl: false,
      accountDeletion: false,
    })
  })

  it('treats empty values as unset', () => {
    expect(
      configOf({ VITE_APP_ID: '', VITE_DEFAULT_LANGUAGE: ' ', VITE_SERVICE_INFO_URL: '', VITE_DNSLESS: '' }),
    ).toEqual(configOf({}))
  })
})

describe('the consent switches', () => {
  it('turns on the silent matching access and the token-free return URL with "true" only', () => {
    expect(configOf({ VITE_SILENT_MATCHING_ACCESS: 'true', VITE_TOKEN_FREE_RETURN_URL: 'true' })).toMatchObject({
      silentMatchingAccess: true,
      tokenFreeReturnUrl: true,
    })
    expect(configOf({ VITE_SILENT_MATCHING_ACCESS: 'false', VITE_TOKEN_FREE_RETURN_URL: ' ' })).toMatchObject({
      silentMatchingAccess: false,
      tokenFreeReturnUrl: false,
    })
  })

  it('refuses any other value, naming the setting', () => {
    expect(problemsOf({ VITE_SILENT_MATCHING_ACCESS: '1', VITE_TOKEN_FREE_RETURN_URL: 'yes' })).toEqual([
      'VITE_SILENT_MATCHING_ACCESS="1": must be "true" or "false"',
      'VITE_TOKEN_FREE_RETURN_URL="yes": must be "true" or "false"',
    ])
  })
})

describe('the account deletion switch', () => {
  it('offers the deletion with "true" only', () => {
    expect(configOf({ VITE_ACCOUNT_DELETION: 'true' }).accountDeletion).toBe(true)
    expect(configOf({ VITE_ACCOUNT_DELETION: 'false' }).accountDeletion).toBe(false)
    expect(configOf({ VITE_ACCOUNT_DELETION: ' ' }).accountDeletion).toBe(false)
  })

  it('refuses any other value, naming the setting', () => {
    expect(problemsOf({ VITE_ACCOUNT_DELETION: 'yes' })).toEqual([
      'VITE_ACCOUNT_DELETION="yes": must be "true" or "false"',
    ])
  })
})

describe('the service info rule', () => {
  it('uses the given URL', () => {
    expect(configOf({ VITE_SERVICE_INFO_URL: 'https://reg.pryv.me/service/info' }).defaultServiceInfoUrl).toBe(
      'https://reg.pryv.me/service/info',
    )
    expect(
      configOf({ VITE_SERVICE_INFO_URL: 'https://reg.pryv.me/service/info', VITE_DNSLESS: 'false' })
        .defaultServiceInfoUrl,
    ).toBe('https://reg.pryv.me/service/info')
  })

  it('reads /reg/service/info on the page origin when DNS-less', () => {
    expect(configOf({ VITE_DNSLESS: 'true' }).defaultServiceInfoUrl).toBe('/reg/service/info')
  })

  it('refuses DNS-less together with a URL, and not DNS-less without one', () => {
    expect(problemsOf({ VITE_DNSLESS: 'true', VITE_SERVICE_INFO_URL: 'https://reg.pryv.me/service/info' })).toEqual([
      expect.stringMatching(/^VITE_DNSLESS=true and VITE_SERVICE_INFO_URL=.*contradict.*remove one/),
    ])
    expect(problemsOf({ VITE_DNSLESS: 'false' })).toEqual([
      expect.stringMatching(/^VITE_DNSLESS=false needs VITE_SERVICE_INFO_URL/),
    ])
  })

  it('refuses a switch that is not true or false', () => {
    expect(problemsOf({ VITE_DNSLESS: 'yes' })).toEqual(['VITE_DNSLESS="yes": must be "true" or "false"'])
  })

  it.each([
    ['reg.pryv.me/service/info', /absolute URL/],
    ['/reg/service/info', /absolute URL/],
    ['ftp://reg.pryv.me/service/info', /https:\/\//],
    ['http://reg.pryv.me/service/info', /must use https/],
    ['https://user:secret@reg.pryv.me/service/info', /user name or password/],
    ['https://reg.pryv.me/service/info#x', /fragment/],
  ])('refuses the service info URL %s', (url, message) => {
    const [problem, ...others] = problemsOf({ VITE_SERVICE_INFO_URL: url })
    expect(others).toEqual([])
    expect(problem).toContain(`VITE_SERVICE_INFO_URL="${url}"`)
    expect(problem).toMatch(message)
  })

  it('accepts plain http to this machine, for development', () => {
    expect(problemsOf({ VITE_SERVICE_INFO_URL: 'http://127.0.0.1:3000/reg/service/info' })).toEqual([])
    expect(problemsOf({ VITE_SERVICE_INFO_URL: 'http://localhost:3000/reg/service/info' })).toEqual([])
  })
})

describe('the trusted platforms allowlist', () => {
  it('keeps hosts (lower case) and origins', () => {
    expect(
      configOf({ VITE_TRUSTED_PLATFORMS: ' Pryv.me, https://reg.example.com:8443/ ,,http://127.0.0.1:3000' })
        .trustedPlatforms,
    ).toEqual(['pryv.me', 'https://reg.example.com:8443', 'http://127.0.0.1:3000'])
  })

  it.each([
    ['*.pryv.me', 'write "pryv.me"'],
    ['https://reg.pryv.me/service/info', 'give the origin only (https://reg.pryv.me)'],
    ['http://reg.pryv.me', 'must use https'],
    ['pryv.me:443', 'give a host (pryv.me) or an origin'],
    ['reg.pryv.me/path', 'give a host (pryv.me) or an origin'],
    ['com', 'at least two labels'],
    ['pry v.me', 'at least two labels'],
    ['https://', 'not a valid origin'],
  ])('refuses %s and says what to write', (entry, advice) => {
    const problems = problemsOf({ VITE_TRUSTED_PLATFORMS: `pryv.me, ${entry}` })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(`VITE_TRUSTED_PLATFORMS entry "${entry}"`)
    expect(problems[0]).toContain(advice)
  })
})

describe('the trusted app origins (CMC data-grant hand-off)', () => {
  it('keeps exact origins', () => {
    expect(
      configOf({ VITE_TRUSTED_APP_ORIGINS: ' https://App.example.com/ ,,http://127.0.0.1:3200' }).trustedAppOrigins,
    ).toEqual(['https://app.example.com', 'http://127.0.0.1:3200'])
  })

  it.each([
    ['app.example.com', 'give an origin with its scheme'],
    ['*.example.com', 'give an origin with its scheme'],
    ['https://app.example.com/return', 'give the origin only (https://app.example.com)'],
    ['http://app.example.com', 'must use https'],
  ])('refuses %s and says what to write', (entry, advice) => {
    const problems = problemsOf({ VITE_TRUSTED_APP_ORIGINS: `https://ok.example.com, ${entry}` })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(`VITE_TRUSTED_APP_ORIGINS entry "${entry}"`)
    expect(problems[0]).toContain(advice)
  })
})

describe('the app id and language', () => {
  it.each(['short', 'a'.repeat(100), 'my app', 'app@origin'])('refuses the app id %s', (appId) => {
    expect(problemsOf({ VITE_APP_ID: appId })).toEqual([
      expect.stringMatching(/^VITE_APP_ID=".*": must be 6 to 99 letters/),
    ])
  })

  it('accepts an app id the platform takes', () => {
    expect(configOf({ VITE_APP_ID: 'acme-auth.v3_web' }).appId).toBe('acme-auth.v3_web')
  })

  it('accepts a supported language and names the supported ones otherwise', () => {
    expect(configOf({ VITE_DEFAULT_LANGUAGE: 'fr' }).defaultLanguage).toBe('fr')
    expect(configOf({ VITE_DEFAULT_LANGUAGE: 'it' }).defaultLanguage).toBe('it')
    expect(problemsOf({ VITE_DEFAULT_LANGUAGE: 'es' })).toEqual([
      'VITE_DEFAULT_LANGUAGE="es": must be one of en, fr, de, it',
    ])
  })
})

describe('describeConfigProblems', () => {
  it('lists every problem in one message that points to the README', () => {
    const problems = problemsOf({ VITE_APP_ID: 'abc', VITE_DEFAULT_LANGUAGE: 'xx' })
    expect(problems).toHaveLength(2)
    const message = describeConfigProblems(problems)
    for (const problem of problems) expect(message).toContain(`  - ${problem}`)
    expect(message).toContain('README.md')
  })
})

describe('config', () => {
  it('is what the rules make of the build settings, written into the build', async () => {
    const { config } = await import('@/config')
    const { loadEnv } = await import('vite')
    const expected = parseConfig(loadEnv('test', process.cwd(), 'VITE_'))
    expect(expected.ok && expected.config).toEqual(config)
  })
})
