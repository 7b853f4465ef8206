import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { useAsyncAction } from '@/composables/useAsyncAction'
import { chooseLanguage } from '@/i18n'
import { isSupportedLanguage } from '@/i18n/languages'
import { readAccount, setAccountLanguage, type AccountProfile } from '@/services/account/accountProfile'
import {
  addRefusal,
  changeEmail,
  normalizeAddress,
  type EmailAction,
  type EmailRefusal,
} from '@/services/account/emailAddresses'
import { changePassword } from '@/services/passwords'
import { useAccountSessionStore } from './accountSession'

/** What the last action did, said once in the section's live region. */
export type ProfileNotice =
  { kind: 'email'; action: EmailAction; address: string } | { kind: 'language' } | { kind: 'password' }

/** An e-mail change refused, by the page or the platform, next to the address (or the add form) it is about. */
export interface EmailProblem {
  action: EmailAction
  address: string
  refusal: EmailRefusal
}

/** The Profile section: the account as the platform holds it, its e-mail addresses, language and password. */
export const useAccountProfileStore = defineStore('accountProfile', () => {
  const session = useAccountSessionStore()
  const loading = useAsyncAction()
  const action = useAsyncAction()
  const account = shallowRef<AccountProfile | null>(null)
  /** The action under way (or last run), to show its row busy and its error next to it. */
  const current = shallowRef<{ action: EmailAction | 'language' | 'password'; address: string } | null>(null)
  const problem = shallowRef<EmailProblem | null>(null)
  const notice = shallowRef<ProfileNotice | null>(null)
  /** Until when (epoch ms) the platform refuses another link for an address, as its last refusal said. */
  const waitUntil = ref<Record<string, number>>({})
  /** The platform's number of addresses per account, once a refusal told it. */
  const limit = ref<number | null>(null)

  function load(): Promise<unknown> {
    return loading.run(async () => {
      account.value = await session.call(readAccount)
    })
  }

  function begin(name: EmailAction | 'language' | 'password', address = ''): void {
    current.value = { action: name, address }
    problem.value = null
    notice.value = null
  }

  function refuse(name: EmailAction, address: string, refusal: EmailRefusal): void {
    problem.value = { action: name, address, refusal }
    if (refusal.reason === 'cooldown')
      waitUntil.value = { ...waitUntil.value, [address]: Date.now() + refusal.seconds * 1000 }
    if (refusal.reason === 'limit' && refusal.max !== null) limit.value = refusal.max
  }

  /** One change of an address; what the page can tell before the call is told without it. */
  function changeAddress(name: EmailAction, typed: string): Promise<unknown> {
    return action.run(async () => {
      const address = name === 'add' ? normalizeAddress(typed) : typed
      begin(name, address)
      const known = account.value
      const before = name === 'add' && known ? addRefusal(address, known.emails, limit.value) : null
      if (before) return refuse(name, address, before)
      const outcome = await session.call((connection) => changeEmail(connection, name, address))
      if (!outcome.ok) return refuse(name, address, outcome.refusal)
      account.value = outcome.account
      notice.value = { kind: 'email', action: name, address }
    })
  }

  /** The account's language, then the page's when we have it. */
  function changeLanguage(language: string): Promise<unknown> {
    return action.run(async () => {
      begin('language')
      account.value = await session.call((connection) => setAccountLanguage(connection, language))
      if (isSupportedLanguage(language)) await chooseLanguage(language)
      notice.value = { kind: 'language' }
    })
  }

  /** The password changed with the session: the platform checks the current one; other sessions stay open. */
  function changeOwnPassword(currentPassword: string, newPassword: string): Promise<boolean | null> {
    return action.run(async () => {
      begin('password')
      await session.call((connection) => changePassword(connection, currentPassword, newPassword))
      notice.value = { kind: 'password' }
      return true
    })
  }

  function dismiss(): void {
    problem.value = null
    action.clear()
  }

  return {
    account,
    current,
    problem,
    notice,
    waitUntil,
    limit,
    loadStatus: loading.status,
    loadError: loading.error,
    status: action.status,
    error: action.error,
    load,
    changeAddress,
    changeLanguage,
    changeOwnPassword,
    dismiss,
  }
})
