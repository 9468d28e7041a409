/** A finding as one linter line, `file:line:col  rule  message`: editors and pre-commit link it. */
import type { Finding } from '../queries/findings.js'
import { logText } from '../vocabulary/escape.js'

/** The file name and message are escaped: neither can drive the terminal or start a line. */
export function findingLine(finding: Finding): string {
  const where = `${logText(finding.file)}:${finding.line}:${finding.column}`
  const severity = finding.severity === 'warning' ? 'warning: ' : ''
  return `${where}  ${finding.rule}  ${severity}${logText(finding.message)}`
}
