/**
 * GitHub shows at most 10 error and 10 warning annotations per step and drops the rest silently
 * (limits.md). So the most important findings get them, and the last one of a kind that overflows
 * says how many more there are; the job summary lists everything.
 */
import { compareFindings, type Finding, type Severity } from './findings.js'

export const ANNOTATIONS_PER_KIND = 10
/**
 * Findings get nine of each kind: errors fail the step, and the failure message is an error
 * annotation; the command's own warnings (no permission to comment, checking without AWS) are
 * warning annotations. Neither may push out the finding that says how many more there are.
 */
export const FINDING_ANNOTATIONS_PER_KIND = ANNOTATIONS_PER_KIND - 1

export interface Annotation {
  kind: Severity
  /** The finding, its message extended by the overflow note on the last annotation of a kind. */
  finding: Finding
}

export function selectAnnotations(findings: readonly Finding[]): Annotation[] {
  const annotations: Annotation[] = []
  for (const kind of ['error', 'warning'] as const) {
    const ofKind = findings.filter((finding) => finding.severity === kind).sort(compareFindings)
    const shown = ofKind.slice(0, FINDING_ANNOTATIONS_PER_KIND)
    const hidden = ofKind.length - shown.length
    shown.forEach((finding, i) => {
      const last = i === shown.length - 1 && hidden > 0
      const note = ` (${hidden} more ${hidden === 1 ? kind : `${kind}s`} not annotated: see the job summary)`
      annotations.push({ kind, finding: last ? { ...finding, message: finding.message + note } : finding })
    })
  }
  return annotations
}
