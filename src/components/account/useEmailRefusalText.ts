import { useI18n } from 'vue-i18n'
import { formatTimeLeft } from '@/i18n/formatDuration'
import type { EmailRefusal } from '@/services/account/emailAddresses'

/** A refused e-mail change in the person's words, with the number or the wait the platform gave. */
export function useEmailRefusalText() {
  const { t, locale } = useI18n()
  return (refusal: EmailRefusal): string => {
    const base = 'accountArea.profile.emails.refusal'
    if (refusal.reason === 'cooldown')
      return t(`${base}.cooldown`, { time: formatTimeLeft(refusal.seconds, locale.value) })
    if (refusal.reason === 'limit' && refusal.max !== null) return t(`${base}.limitCount`, { max: refusal.max })
    return t(`${base}.${refusal.reason}`)
  }
}
