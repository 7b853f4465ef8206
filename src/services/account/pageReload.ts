/** Whether the person reloaded the page: a session kept in memory only is gone, and the page says why. */
export function pageWasReloaded(): boolean {
  const [entry] = performance.getEntriesByType('navigation')
  return (entry as PerformanceNavigationTiming | undefined)?.type === 'reload'
}
