import { loadMessagePart } from './index'
import { partWithEnglish } from './partWithEnglish'
import dataEn from './locales/accountData/en.json'
import deletionEn from './locales/accountDeletion/en.json'

// The account area's "Your data" section's messages (the export, then the deletion): English with the section's
// code (so the area's first load does not carry them), the rest on demand.
const dataMessages = partWithEnglish(
  dataEn,
  import.meta.glob<Record<string, unknown>>(['./locales/accountData/*.json', '!./locales/accountData/en.json'], {
    import: 'default',
  }),
)
const deletionMessages = partWithEnglish(
  deletionEn,
  import.meta.glob<Record<string, unknown>>(
    ['./locales/accountDeletion/*.json', '!./locales/accountDeletion/en.json'],
    { import: 'default' },
  ),
)

/** Before the "Your data" section shows: its messages, in any language shown. */
export async function loadAccountDataMessages(): Promise<void> {
  await Promise.all([loadMessagePart(dataMessages), loadMessagePart(deletionMessages)])
}
