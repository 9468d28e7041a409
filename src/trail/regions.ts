import { distance as editDistance } from 'fastest-levenshtein'

/**
 * AWS Regions known when this was written (commercial, GovCloud, China, European Sovereign Cloud).
 * An allow-listed region outside this list is still accepted when the bucket has logs for it, so a
 * Region launched later works without a release.
 */
export const KNOWN_REGIONS: ReadonlySet<string> = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'cn-north-1',
  'cn-northwest-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eusc-de-east-1',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-west-1',
  'us-west-2'
])

/** The known region closest to a mistyped one, for error messages. */
export function nearestRegion(name: string): string | undefined {
  let best: { region: string; distance: number } | undefined
  for (const region of KNOWN_REGIONS) {
    const distance = editDistance(name, region)
    if (!best || distance < best.distance) best = { region, distance }
  }
  return best && best.distance <= 3 ? best.region : undefined
}
