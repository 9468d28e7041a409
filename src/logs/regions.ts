/**
 * Which folder names under a source's folder (`CloudTrail/`, `Config/`) are AWS Regions. The installed AWS SDK knows the Regions of
 * its day (its endpoint partitions data, `partition()` of `@aws-sdk/core`), and every Region AWS has
 * named follows one grammar: a partition's prefix, a compass direction, a number without a leading
 * zero. A name the SDK does not know but the grammar admits (a Region launched after this release) is
 * taken as real; `zz-fake-1` or `eu-west-01` is not.
 */
import { partition } from '@aws-sdk/core/client'
import { distance as editDistance } from 'fastest-levenshtein'
import { Inputs } from '../vocabulary/constants.js'
import { SOURCES, type SourceName } from './sources.js'

/**
 * Prefixes of the SDK's partitions (their `regionRegex`: aws `us|eu|ap|sa|ca|me|af|il|mx`, aws-cn
 * `cn`, aws-us-gov `us-gov`, the isolated `us-iso`, `us-isob`, `us-isof`, `eu-isoe`, and the European
 * Sovereign Cloud `eusc-de`), the directions its Regions use, and a number from 1.
 */
const PREFIXES = ['us', 'eu', 'ap', 'sa', 'ca', 'me', 'af', 'il', 'mx', 'cn', 'us-gov']
const ISOLATED_PREFIX = 'us-iso[a-z]?|eu-iso[a-z]?|eusc-[a-z]{2}'
const DIRECTIONS = [
  'north',
  'south',
  'east',
  'west',
  'central',
  'northeast',
  'northwest',
  'southeast',
  'southwest'
]
export const REGION_GRAMMAR = new RegExp(
  `^(?:${PREFIXES.join('|')}|${ISOLATED_PREFIX})-(?:${DIRECTIONS.join('|')})-[1-9]\\d?$`
)

/** True when the installed SDK lists the Region (its partitions data gives it a description). */
export function isKnownRegion(name: string): boolean {
  // The SDK merges a listed Region's own data, a description, into its partition's.
  const found = partition(name) as { description?: string }
  return REGION_GRAMMAR.test(name) && found.description !== undefined
}

/** A Region the SDK knows, or a name AWS could give a newer one. */
export function isAwsRegion(name: string): boolean {
  return REGION_GRAMMAR.test(name)
}

let known: string[] | undefined

/**
 * The Regions the installed SDK knows, found by asking it about every name the grammar can build
 * (its data is not exported as a list); computed once, for spelling hints.
 */
export function knownRegions(): readonly string[] {
  if (known) return known
  const prefixes = [...PREFIXES, 'us-iso', 'us-isob', 'us-isof', 'eu-isoe', 'eusc-de']
  const found: string[] = []
  for (const prefix of prefixes) {
    for (const direction of DIRECTIONS) {
      for (let number = 1; number <= 9; number++) {
        const name = `${prefix}-${direction}-${number}`
        if (isKnownRegion(name)) found.push(name)
      }
    }
  }
  return (known = found.sort())
}

/** The known region closest to a mistyped one, for error messages. */
export function nearestRegion(name: string): string | undefined {
  let best: { region: string; distance: number } | undefined
  for (const region of knownRegions()) {
    const distance = editDistance(name, region)
    if (!best || distance < best.distance) best = { region, distance }
  }
  return best && best.distance <= 3 ? best.region : undefined
}

/**
 * A warning when a `regions` allow-list leaves out the Region where the source records the global
 * services' events (CloudTrail: us-east-1, for IAM, STS, CloudFront, Route 53, Organizations) and
 * the bucket has it.
 */
export function globalEventsLeftOut(
  source: SourceName,
  allowList: readonly string[],
  regionsSeen: ReadonlySet<string>
): string | undefined {
  const region = SOURCES[source].globalEventsRegion
  if (!region || allowList.length === 0 || allowList.includes(region)) return undefined
  if (!regionsSeen.has(region)) return undefined
  return (
    `Input '${Inputs.Regions}' leaves out ${region}, which the bucket has: ${source} records the ` +
    `events of IAM and other global services (STS, CloudFront, Route 53, Organizations) there, so Athena will ` +
    `not find them. Add ${region} to '${Inputs.Regions}' unless leaving them out is meant.`
  )
}
