import { jsonAnswer, parseJsonBody, type Answer } from './http.ts'

/** Every OAuth answer is personal to one flow: never cached. */
export function oauthJson(status: number, json: unknown): Answer {
  const answer = jsonAnswer(status, json)
  return { ...answer, headers: { ...answer.headers, 'cache-control': 'no-store', pragma: 'no-cache' } }
}

export function oauthError(status: number, error: string, description?: string): Answer {
  return oauthJson(status, description === undefined ? { error } : { error, error_description: description })
}

/** `base` plus parameters, joined with `&` when it already has a query, as the server builds them. */
export function withParams(base: string, params: [string, string][]): string {
  const query = params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')
  return base + (base.includes('?') ? '&' : '?') + query
}

/** OAuth routes take form fields (the OAuth norm) or JSON, as the server's body parsers do. */
export function parseOAuthBody(text: string, contentType: string | undefined): unknown {
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType ?? ''))
    return Object.fromEntries(new URLSearchParams(text))
  return parseJsonBody(text, contentType)
}
