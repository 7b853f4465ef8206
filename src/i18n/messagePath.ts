import { isMessageAST, isMessageFunction } from '@intlify/core-base'
import type { MessageResolver } from 'vue-i18n'

/**
 * A message looked up by its dotted key (`signIn.title`) in nested messages; null when a step is missing.
 * The lightweight vue-i18n build we ship (petite-vue-i18n) reads flat keys only unless given a resolver, and our
 * keys have no brackets or quoted parts, so this is all of vue-i18n's path parser we need.
 */
export const resolveMessagePath: MessageResolver = (messages, path) => {
  let node: unknown = messages
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return null
    node = (node as Record<string, unknown>)[key]
  }
  return node as ReturnType<MessageResolver>
}

/** Whether the key names a message (not a group of them), as vue-i18n's `te`, which petite-vue-i18n lacks. */
export function hasMessage(messages: unknown, path: string): boolean {
  const found = resolveMessagePath(messages, path)
  return typeof found === 'string' || isMessageAST(found) || isMessageFunction(found)
}
