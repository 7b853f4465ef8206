import { describeConfigProblems, parseConfig, type AppConfig, type ConfigEnv } from './configRules'

export type { AppConfig }

/** Build-time settings, read once from import.meta.env; the build has already refused wrong ones. */
export function readConfig(env: ConfigEnv): AppConfig {
  const result = parseConfig(env)
  if (!result.ok) throw new Error(describeConfigProblems(result.problems))
  return result.config
}

export const config: AppConfig = readConfig(import.meta.env)
