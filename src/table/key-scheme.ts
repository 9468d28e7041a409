/**
 * The key scheme a sync writes: the table's own keys (validate.ts), with the one account or Region
 * that a table without an `account` or `region` key holds. That one value comes from the allow-list,
 * which must then name exactly one: such a table cannot tell two accounts' partitions apart.
 */
import { Inputs } from '../vocabulary/constants.js'
import { input, subject, userError } from '../vocabulary/errors.js'
import type { KeyScheme } from '../vocabulary/keys.js'
import type { TableKeys } from './validate.js'

export interface AllowLists {
  accounts: readonly string[]
  regions: readonly string[]
}

export function keySchemeFor(keys: TableKeys, allowLists: AllowLists, table: string): KeyScheme {
  const account = keys.hasAccount
    ? undefined
    : onlyValue(allowLists.accounts, Inputs.Accounts, 'account', table)
  const region = keys.hasRegion ? undefined : onlyValue(allowLists.regions, Inputs.Regions, 'region', table)
  return {
    date: keys.date,
    ...(account === undefined ? {} : { account }),
    ...(region === undefined ? {} : { region })
  }
}

function onlyValue(values: readonly string[], name: string, key: string, table: string): string {
  const [only] = values
  if (values.length === 1 && only !== undefined) return only
  const found = values.length ? `it has ${values.length}: ${values.join(', ')}` : 'it is empty'
  throw userError`${subject(name)}: ${table} has no ${key} partition key, so it holds the logs of one ${key}: \
give exactly that ${key} in ${input(name)} (${found}).`
}
