import type { Caller } from './sessions.ts'
import type { Platform } from './state.ts'

/** One API method call, reached by its REST route or inside a batch. */
export interface MethodCall {
  platform: Platform
  caller: Caller
  params: unknown
}

/** Returns the method's result; throws an ApiError to fail. */
export type MethodHandler = (call: MethodCall) => Record<string, unknown>
