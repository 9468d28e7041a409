/**
 * The logs AWS writes under `[PREFIX/]AWSLogs/`, one description per source, each named after the
 * folder AWS writes under the account. They are data: where the organization, account, region and
 * date folders are and how they are spelled. Discovery, locations and the oldest-day probe read
 * these paths; no code path belongs to one source.
 *
 * A day partition's location is the day folder. Folders AWS writes below it (VPC Flow Logs' hours,
 * Config's ConfigHistory/ and ConfigSnapshot/) are read with it: Athena reads every object under a
 * location, subfolders included, which AWS's own unpartitioned tables rely on (the Config table of
 * the AWS Knowledge Center is located at `AWSLogs/<account>/Config/<region>/`, above the day folders
 * that hold the files).
 */
export const SOURCE_NAMES = [
  'CloudTrail',
  'CloudTrail-Insight',
  'Config',
  'vpcflowlogs',
  'elasticloadbalancing'
] as const
export type SourceName = (typeof SOURCE_NAMES)[number]
export const DEFAULT_SOURCE: SourceName = 'CloudTrail'

/**
 * `organization`: an organization trail's `o-ID/` level above the accounts; `account`: account
 * folders right under `AWSLogs/`; `hive`: VPC Flow Logs' Hive-compatible prefixes.
 */
export type LayoutKind = 'organization' | 'account' | 'hive'

export interface PathLayout {
  kind: LayoutKind
  /**
   * Folders below `AWSLogs/` down to a day, as templates (path.ts): `{organization}`, `{account}`,
   * `{region}`, `{yyyy}`, then `{MM}` or `{M}`, `{dd}` or `{d}`; the rest are literals.
   */
  path: readonly string[]
}

export interface SourceDescription {
  name: SourceName
  /** What people call these logs. */
  title: string
  layouts: readonly PathLayout[]
  /** What AWS writes below a day folder, when anything: read through the day's location. */
  belowDay?: string
  /** Where the source records global services' events, which a regions allow-list should keep. */
  globalEventsRegion?: string
  /** AWS's pages that document the layout. */
  documentation: readonly string[]
}

const CLOUDTRAIL_FILES =
  'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html'

const cloudTrailFolders = (folder: string): readonly PathLayout[] => [
  {
    kind: 'organization',
    path: ['{organization}', '{account}', folder, '{region}', '{yyyy}', '{MM}', '{dd}']
  },
  { kind: 'account', path: ['{account}', folder, '{region}', '{yyyy}', '{MM}', '{dd}'] }
]

export const SOURCES: Readonly<Record<SourceName, SourceDescription>> = {
  CloudTrail: {
    name: 'CloudTrail',
    title: 'CloudTrail management and data events',
    layouts: cloudTrailFolders('CloudTrail'),
    globalEventsRegion: 'us-east-1',
    documentation: [CLOUDTRAIL_FILES]
  },
  'CloudTrail-Insight': {
    name: 'CloudTrail-Insight',
    title: 'CloudTrail Insights events',
    // AWS shows the o-ID level for CloudTrail/ only; Insights go to "a different folder named
    // /CloudTrail-Insight" beside it (the trail's storage location), so an organization trail's are
    // under the same o-ID level.
    layouts: cloudTrailFolders('CloudTrail-Insight'),
    documentation: [CLOUDTRAIL_FILES]
  },
  Config: {
    name: 'Config',
    title: 'AWS Config configuration history and snapshots',
    // Month and day without a leading zero: AWS's examples write 2016/9/27 and 2016/10/6.
    layouts: [{ kind: 'account', path: ['{account}', 'Config', '{region}', '{yyyy}', '{M}', '{d}'] }],
    belowDay: 'ConfigHistory/, ConfigSnapshot/, OversizedChangeNotification/',
    documentation: [
      'https://docs.aws.amazon.com/config/latest/developerguide/example-configuration-history-notification.html',
      'https://docs.aws.amazon.com/config/latest/developerguide/example-configuration-snapshot-notification.html'
    ]
  },
  vpcflowlogs: {
    name: 'vpcflowlogs',
    title: 'VPC Flow Logs',
    layouts: [
      { kind: 'account', path: ['{account}', 'vpcflowlogs', '{region}', '{yyyy}', '{MM}', '{dd}'] },
      {
        kind: 'hive',
        path: [
          'aws-account-id={account}',
          'aws-service=vpcflowlogs',
          'aws-region={region}',
          'year={yyyy}',
          'month={MM}',
          'day={dd}'
        ]
      }
    ],
    belowDay: 'hour folders (HH/ or hour=HH/) when the flow log is partitioned per hour',
    documentation: ['https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-s3-path.html']
  },
  elasticloadbalancing: {
    name: 'elasticloadbalancing',
    title: 'Elastic Load Balancing access logs',
    layouts: [
      { kind: 'account', path: ['{account}', 'elasticloadbalancing', '{region}', '{yyyy}', '{MM}', '{dd}'] }
    ],
    documentation: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html'
    ]
  }
}

export function isSourceName(name: string): name is SourceName {
  return (SOURCE_NAMES as readonly string[]).includes(name)
}

/** The source whose name matches, ignoring case (`config`, `VPCFlowLogs`). */
export function sourceNamed(name: string): SourceName | undefined {
  return SOURCE_NAMES.find((source) => source.toLowerCase() === name.toLowerCase())
}
