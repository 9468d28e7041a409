/** The layout the unit tests take as found: an organization trail at the root of bucket `logs`. */
import type { Layout } from '../../src/logs/layout.js'

export const ORGANIZATION_LAYOUT: Layout = {
  bucket: 'logs',
  prefix: '',
  source: 'CloudTrail',
  kind: 'organization',
  organizationId: 'o-abcdef1234'
}
