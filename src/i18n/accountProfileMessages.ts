import { loadMessagePart } from './index'
import { partWithEnglish } from './partWithEnglish'
import en from './locales/accountProfile/en.json'

// The account area's Profile section's messages: English with the section's code (so the area's first load does not
// carry them), the rest on demand.
const messages = partWithEnglish(
  en,
  import.meta.glob<Record<string, unknown>>(['./locales/accountProfile/*.json', '!./locales/accountProfile/en.json'], {
    import: 'default',
  }),
)

/** Before the Profile section shows: its messages, in any language shown. */
export function loadAccountProfileMessages(): Promise<void> {
  return loadMessagePart(messages)
}
