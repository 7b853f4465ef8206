// `npm test`, after `vite build`: fails when a first load or the whole build exceeds its gzip budget.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { budgetLines, formatBudgetTable, measureBuild } from './bundle-size.ts'

const distDir = fileURLToPath(new URL('../dist/', import.meta.url))

if (!existsSync(`${distDir}index.html`)) {
  console.error(`No build in ${distDir}: run \`npm run build\` first.`)
  process.exit(1)
}

const lines = budgetLines(measureBuild(distDir))
console.log(`Bundle budget (${distDir})\n${formatBudgetTable(lines)}`)
const over = lines.filter((item) => !item.withinBudget)
if (over.length > 0) {
  console.error(`\n✖ Over budget: ${over.map((item) => item.name).join(', ')}`)
  process.exit(1)
}
