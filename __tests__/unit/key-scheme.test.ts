import { keySchemeFor } from '../../src/table/key-scheme.js'
import { ConfigurationError } from '../../src/vocabulary/errors.js'

const A = '111122223333'
const timestamp = { kind: 'formatted', name: 'timestamp', format: 'yyyy/MM/dd' } as const

describe('keySchemeFor', () => {
  it('takes the one account and Region of a table without those keys from the allow-lists', () => {
    expect(
      keySchemeFor(
        { date: timestamp, hasAccount: false, hasRegion: false },
        { accounts: [A], regions: ['eu-west-1'] },
        't'
      )
    ).toEqual({ date: timestamp, account: A, region: 'eu-west-1' })
    expect(
      keySchemeFor({ date: timestamp, hasAccount: true, hasRegion: true }, { accounts: [], regions: [] }, 't')
    ).toEqual({ date: timestamp })
  })

  it('refuses an allow-list that does not name exactly one, naming the input', () => {
    const keys = { date: { kind: 'date', name: 'date' }, hasAccount: false, hasRegion: true } as const
    expect(() => keySchemeFor(keys, { accounts: [], regions: [] }, 'logs.vpc')).toThrow(ConfigurationError)
    expect(() => keySchemeFor(keys, { accounts: [], regions: [] }, 'logs.vpc')).toThrow(
      "Input 'accounts': logs.vpc has no account partition key, so it holds the logs of one account: give exactly that account in 'accounts' (it is empty)."
    )
    expect(() =>
      keySchemeFor(
        { ...keys, hasAccount: true, hasRegion: false },
        { accounts: [], regions: ['a-b-1', 'c-d-2'] },
        't'
      )
    ).toThrow("Input 'regions': t has no region partition key")
  })
})
