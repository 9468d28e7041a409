/**
 * check-queries findings as a SARIF 2.1.0 log, the format GitHub code scanning uploads
 * (github/codeql-action/upload-sarif): one run, the rules in tool.driver, one result per finding
 * at its file (relative to the repository root, %SRCROOT%), line and column.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif'
import { RULE_IDS, type Finding, type RuleId } from '../queries/findings.js'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

const RULE_DESCRIPTIONS: Record<RuleId, string> = {
  syntax: 'The file is not valid Athena (Trino) SQL.',
  'not-a-regular-file':
    'The path is a symbolic link, not a regular file, or outside the workspace: it was not read.',
  limit:
    'The file is over a limit of the check (size, statements, nesting, time or file count): it was not checked through.',
  'athena-explain': 'Athena refused the query when asked to EXPLAIN it.',
  'partition-limit':
    'A scan of the table selects more than 1,000,000 partitions: Athena cannot read more in a single scan.',
  'partition-count':
    'A query reads more partitions than the input max-query-partitions allows without a warning.',
  'partition-filter':
    'A query of the CloudTrail table does not constrain every date partition column, so it scans the whole bucket.',
  'partition-literal':
    "A partition column is compared with a literal of the wrong form for the table's key type.",
  'unknown-column': 'The query names a column the CloudTrail table does not have.'
}

export function sarifLog(findings: readonly Finding[], version: string): Log {
  const rules: ReportingDescriptor[] = RULE_IDS.map((id) => ({
    id,
    name: id.replace(/(^|-)([a-z])/g, (_all, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: RULE_DESCRIPTIONS[id] }
  }))
  const results: Result[] = findings.map((finding) => ({
    ruleId: finding.rule,
    ruleIndex: RULE_IDS.indexOf(finding.rule),
    level: finding.severity,
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(finding.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, startColumn: finding.column }
        }
      }
    ]
  }))
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cloudtrail-partitions', version, rules } },
        results
      }
    ]
  }
}

/** A relative path as a URI reference: each segment percent-encoded, the slashes kept. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}
