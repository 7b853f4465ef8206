/** What the export was made of, said at the top of README.txt. */
export interface ReadmeFacts {
  username: string
  /** ISO date and time of the export's start. */
  startedAt: string
  platform: string
}

/**
 * README.txt: what each file of the ZIP is. In English whatever the page's language: a file kept for years and
 * read by programs and people alike is best in the language the API's own names are in.
 */
export function readmeText(facts: ReadmeFacts): string {
  return [
    `Pryv.io data export of "${facts.username}"`,
    `Platform: ${facts.platform}`,
    `Started: ${facts.startedAt}`,
    '',
    'Every file is UTF-8. JSON files are standard JSON; lists hold one item per line.',
    'No access token, token hash, attachment read token or stored recovery code is in this export.',
    '',
    'account.json           The account: username, language, e-mail addresses, storage used.',
    'profile.json           Your private and public profiles (two-factor phone and codes left out).',
    'streams.json           Every stream, as a tree, trashed ones included ("trashed": true).',
    'events/0001.json ...   Every event, in every state (trashed ones included), oldest first,',
    '                       1,000 per file. Events of the account fields are in account.json instead.',
    'event-deletions.json   Events deleted from the account: their id and when they were deleted.',
    'attachments/<event id>/<file id>-<file name>',
    '                       The files attached to events, as the platform holds them.',
    'accesses.json          Apps and sessions given access to the account, expired and deleted',
    '                       ones included, without their tokens.',
    'webhooks.json          The account webhooks.',
    'audit/0001.json ...    The audit trail: every call made with an access to the account.',
    'MISSING.txt            Only when something could not be read: what is missing and why.',
    '',
  ].join('\n')
}
