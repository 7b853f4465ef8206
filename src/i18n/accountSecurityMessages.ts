import { loadMessagePart } from './index'
import { partWithEnglish } from './partWithEnglish'
import en from './locales/accountSecurity/en.json'

// The account area's Security section's messages: English with the section's code (so the area's first load does not
// carry them), the rest on demand.
const messages = partWithEnglish(
  en,
  import.meta.glob<Record<string, unknown>>(
    ['./locales/accountSecurity/*.json', '!./locales/accountSecurity/en.json'],
    {
      import: 'default',
    },
  ),
)

/** Before the Security section shows: its messages, in any language shown. */
export function loadAccountSecurityMessages(): Promise<void> {
  return loadMessagePart(messages)
}
