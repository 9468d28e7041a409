/**
 * What the query check reports: one finding per problem, at a file, line and column, under a rule
 * whose severity the user chooses with the `rule-severity` input.
 */
import { ConfigurationError } from '../vocabulary/errors.js'

/** In order of importance: annotations go to the first rules when GitHub's cap is reached. */
export const RULE_IDS = [
  'syntax',
  'not-a-regular-file',
  'limit',
  'athena-explain',
  'partition-limit',
  'partition-filter',
  'partition-count',
  'partition-literal',
  'unknown-column'
] as const

export type RuleId = (typeof RULE_IDS)[number]
export type Severity = 'error' | 'warning'
export type RuleSeverities = Record<RuleId, Severity | 'off'>

export interface Finding {
  rule: RuleId
  severity: Severity
  /** Relative path, as given to the check. */
  file: string
  /** 1-based. */
  line: number
  /** 1-based. */
  column: number
  message: string
}

/** A finding before its rule's severity is applied. */
export type Problem = Omit<Finding, 'severity' | 'file'>

export const DEFAULT_SEVERITIES: RuleSeverities = {
  syntax: 'error',
  'not-a-regular-file': 'error',
  // A file the check could not read through is not a file that passed.
  limit: 'error',
  'athena-explain': 'error',
  // Athena refuses a scan of more than a million partitions at run time.
  'partition-limit': 'error',
  'partition-filter': 'error',
  // Above max-query-partitions: slow to plan, often more than was meant; worth a look, not a failure.
  'partition-count': 'warning',
  'partition-literal': 'error',
  'unknown-column': 'error'
}

/**
 * Reads `unknown-column=warning, partition-literal=off` (commas or new lines between entries) on
 * top of the defaults. A typo must not silently switch a rule off, so anything unknown is refused.
 */
export function parseRuleSeverities(text: string): RuleSeverities {
  const severities = { ...DEFAULT_SEVERITIES }
  for (const entry of text.split(/[,\n]/).map((part) => part.trim())) {
    if (entry === '') continue
    const match = /^([a-z-]+)\s*[=:]\s*([a-z]+)$/.exec(entry)
    const rule = match?.[1] as RuleId | undefined
    const severity = match?.[2]
    if (!rule || !RULE_IDS.includes(rule)) {
      throw new ConfigurationError(
        `Input 'rule-severity': "${entry}" does not name a rule; write RULE=SEVERITY with a rule among ${RULE_IDS.join(', ')}`
      )
    }
    if (severity !== 'error' && severity !== 'warning' && severity !== 'off') {
      throw new ConfigurationError(
        `Input 'rule-severity': "${entry}" has severity "${severity ?? ''}"; use error, warning or off`
      )
    }
    severities[rule] = severity
  }
  return severities
}

/** Sorts most important first: errors, then rule order, then file, line and column. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
    RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule) ||
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column
  )
}
