import { useI18n } from 'vue-i18n'
import type { AccountField, FieldProblem } from '@/services/register/accountRules'

/** Puts a field's problem in words: our rules localized, the platform's refusals in its own words. */
export function useProblemText(): (field: AccountField, problem: FieldProblem | undefined) => string {
  const { t } = useI18n()
  return (field, problem) => {
    if (!problem) return ''
    if (problem.rule === 'refused') return problem.platformText ?? t('register.problem.refused')
    if (problem.rule === 'taken')
      return field === 'email' || field === 'username'
        ? t(`register.problem.taken.${field}`)
        : t('register.problem.refused')
    return t(`register.problem.${problem.rule}`)
  }
}
