import * as core from '@actions/core'

/** Orchestration only: settings -> credentials -> command -> report. */
export async function run(): Promise<void> {
  core.info('cloudtrail-partitions: scaffold')
}
