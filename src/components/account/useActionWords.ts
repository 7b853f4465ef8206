import { useI18n } from 'vue-i18n'

/** An API method's name in words where the page knows it (`events.get`: "Read data"), else as the platform names it. */
export function useActionWords(): (action: string) => string {
  const { t, te } = useI18n()
  return (action) => {
    const key = `accountArea.actions.${action.replace(/\./g, '_')}`
    return te(key) ? t(key) : action
  }
}
