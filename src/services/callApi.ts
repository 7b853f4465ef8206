import type { Connection } from 'pryv'

/** The API methods our pages call with a personal token. */
export type ApiMethod = 'accesses.checkApp' | 'accesses.create' | 'accesses.delete' | 'auth.logout' | 'account.changePassword'

type LooseApiOne = (method: string, params: object) => Promise<unknown>

/**
 * `Connection.apiOne` (a batch call to {api}) for methods whose params `pryv`'s
 * types omit or under-describe (auth.logout, clientData in checkApp...).
 */
export async function callApi(connection: Connection, method: ApiMethod, params: object): Promise<Record<string, unknown>> {
  const apiOne = connection.apiOne.bind(connection) as unknown as LooseApiOne
  const result = await apiOne(method, params)
  return typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : {}
}
