/** The queries shipped in queries/ pass the check with default settings and explain themselves. */
import { readdirSync, readFileSync } from 'node:fs'
import { checkSql } from '../../src/queries/check.js'

const directory = new URL('../../queries/', import.meta.url)
const files = readdirSync(directory).filter((name) => name.endsWith('.sql'))

describe('shipped queries', () => {
  it('are all there', () => {
    expect(files.sort()).toEqual([
      'access-denied-by-principal.sql',
      'cloudtrail-changes.sql',
      'console-login-without-mfa.sql',
      'iam-policy-changes.sql',
      'kms-key-deletion.sql',
      'root-user-activity.sql',
      'security-group-changes.sql',
      'sso-role-use.sql'
    ])
  })

  it.each(files)('%s starts with what it answers and has no findings', (name) => {
    const sql = readFileSync(new URL(name, directory), 'utf8')
    expect(sql.startsWith('-- What it answers: ')).toBe(true)
    const { problems, statements } = checkSql(sql, {
      table: 'cloudtrail',
      partitionColumns: ['year', 'month', 'day'],
      dateKeyType: 'string'
    })
    expect(problems).toEqual([])
    expect(statements).toHaveLength(1)
  })
})
