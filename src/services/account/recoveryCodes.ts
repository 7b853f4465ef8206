/** The recovery codes mfa/confirm answers, read from its body: ten non-empty texts, or nothing usable. */
export function recoveryCodesOf(body: unknown): string[] | null {
  const codes = (body as { recoveryCodes?: unknown } | null)?.recoveryCodes
  if (!Array.isArray(codes) || codes.length === 0) return null
  return codes.every((code): code is string => typeof code === 'string' && code !== '') ? [...codes] : null
}

/** The text file the person keeps: who and where the codes are for, then one code a line. */
export function recoveryCodesFile(codes: readonly string[], username: string, platform: string, intro: string): string {
  return [intro, '', `${username} @ ${platform}`, '', ...codes, ''].join('\n')
}

/** The file's name: the account's, so two accounts' files do not overwrite each other. */
export function recoveryCodesFileName(username: string): string {
  return `recovery-codes-${username.replace(/[^a-z0-9-]/gi, '_')}.txt`
}
