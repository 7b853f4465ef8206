import { makeZip } from 'client-zip'
import { exportEntries, type ExportJob } from './exportPlan'
import { countingBytes, type SaveTarget } from './exportWriter'

/** The ZIP made from the export's files as they are read, written to the target, its bytes counted on the way. */
export function writeExportZip(job: ExportJob, target: SaveTarget, onBytes: (total: number) => void): Promise<void> {
  return target.write(countingBytes(makeZip(exportEntries(job)), onBytes), job.signal)
}

/** `pryv-export-<username>-<YYYY-MM-DD>.zip` */
export function exportFileName(username: string, startedAt: Date): string {
  return `pryv-export-${username}-${startedAt.toISOString().slice(0, 10)}.zip`
}
