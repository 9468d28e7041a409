import {
  checkTableQuota,
  describeQuotaRefusal,
  describeQuotaWarning,
  explainQuotaFailure,
  retentionThatFits
} from '../../src/partitions/quota.js'

const shape = { seriesPerDay: 51_000, leftAlone: 0, retentionDays: 365, futureDays: 1 }

describe('the partition quota guard', () => {
  it('refuses a run that adds partitions and ends above the limit: 3,000 accounts x 17 regions x a year', () => {
    const check = checkTableQuota({ before: 0, add: 51_000 * 367, remove: 0 }, 10_000_000, shape)
    expect(check).toMatchObject({ after: 18_717_000, exceeded: true, nearLimit: false })
    // (10,000,000 / 51,000) = 196 days: 194 kept, the day itself and one ahead.
    expect(retentionThatFits(check)).toBe(194)
    expect(describeQuotaRefusal(check, false)).toBe(
      "Input 'max-table-partitions': after this run the table would hold 18,717,000 partitions (0 now, +18,717,000, −0), " +
        'more than max-table-partitions (10,000,000). Stopped before writing anything: Glue refuses partitions past its ' +
        "quota (10,000,000 per table unless raised) in the middle of a run. Ways out: a shorter window ('retention-days' " +
        "194 or less, now 365: 51,000 account/region series get a partition a day); a 'regions' or 'accounts' allow-list; " +
        'or a quota increase (Service Quotas, AWS Glue, "Max partitions per table", L-2C3F5401; the account\'s "Max ' +
        "partitions per account\", L-FEBBFA7A, counts every table) and then 'max-table-partitions' raised to match."
    )
    expect(describeQuotaRefusal(check, true)).toContain('A run without dry-run would stop here')
  })

  it('never refuses a run that adds nothing: that is how a table above the limit shrinks', () => {
    const check = checkTableQuota({ before: 12_000_000, add: 0, remove: 51_000 }, 10_000_000, shape)
    expect(check).toMatchObject({ exceeded: false, nearLimit: true })
  })

  it('counts partitions it leaves alone, and says when no window fits', () => {
    const crowded = checkTableQuota({ before: 9_990_000, add: 100_000, remove: 0 }, 10_000_000, {
      ...shape,
      leftAlone: 9_990_000
    })
    expect(crowded.exceeded).toBe(true)
    expect(retentionThatFits(crowded)).toBeUndefined()
    expect(describeQuotaRefusal(crowded, false)).toContain("a shorter window ('retention-days', now 365)")
  })

  it('warns from 80%', () => {
    expect(checkTableQuota({ before: 0, add: 7_999_999, remove: 0 }, 10_000_000, shape).nearLimit).toBe(false)
    const near = checkTableQuota({ before: 0, add: 8_000_000, remove: 0 }, 10_000_000, shape)
    expect(near.nearLimit).toBe(true)
    expect(describeQuotaWarning(near)).toMatch(
      /^Input 'max-table-partitions': after this run the table holds 8,000,000 partitions \(0 now, \+8,000,000, −0\), 80% of max-table-partitions \(10,000,000\)\./
    )
  })

  it("explains Glue's own refusal, and nothing else", () => {
    expect(
      explainQuotaFailure(
        'ResourceNumberLimitExceededException: Number of partitions would exceed the limit of 20000000 per account.'
      )
    ).toMatch(/^Glue refused more partitions \(ResourceNumberLimitExceededException\): .*L-FEBBFA7A/)
    expect(explainQuotaFailure('ThrottlingException: Rate exceeded')).toBeUndefined()
    expect(explainQuotaFailure(undefined)).toBeUndefined()
  })
})
