/**
 * Are the bucket's date folders spelled as the source's layout spells them? The layouts say how AWS
 * writes each source's year, month and day folders (Config's `2026/3/7`, VPC Flow Logs' `day=07`),
 * and a partition's location is made from them. Where AWS spells them otherwise (a padding that AWS
 * does not document, a change on AWS's side), every partition would point at a folder without logs
 * and every query would find nothing, silently. Three listings down the newest year, month and day
 * folders of one series find out, before anything is written.
 */
import type { S3Client } from '@aws-sdk/client-s3'
import { Inputs } from '../vocabulary/constants.js'
import { input, subject, userError } from '../vocabulary/errors.js'
import { logQuoted } from '../vocabulary/escape.js'
import { listFolders } from './discover.js'
import { dateSegment, regionFolder, regionsRoot, type DatePart, type Layout } from './layout.js'
import { sampleSeries } from './oldest-day.js'
import { fill, read, show, spelledOtherwise } from './path.js'

const PARTS: readonly DatePart[] = ['year', 'month', 'day']
const EXAMPLE: Readonly<Record<DatePart, number>> = { year: 2026, month: 3, day: 7 }

/** Throws when one series' date folders are all spelled otherwise than the layout says. */
export async function checkDateSpelling(
  s3: S3Client,
  layout: Layout,
  series: ReadonlyMap<string, readonly string[]>
): Promise<void> {
  const [sampled] = sampleSeries(series, 1)
  if (!sampled) return
  const [account, region] = sampled
  let folder = `${regionsRoot(layout, account)}${regionFolder(layout, region)}/`
  for (const part of PARTS) {
    const segment = dateSegment(layout, part)
    const names = await listFolders(s3, layout.bucket, folder)
    const newest = names
      .filter((name) => read(segment, name) !== undefined)
      .sort((a, b) => Number(read(segment, b)) - Number(read(segment, a)))[0]
    if (newest !== undefined) {
      folder = `${folder}${newest}/`
      continue
    }
    const other = names.find((name) => spelledOtherwise(segment, name))
    if (other === undefined) return // no date folders here at all: nothing to compare
    const expected = `${show(segment)} (for example ${logQuoted(fill(segment, EXAMPLE[part]))})`
    throw userError`${subject(Inputs.Source)}: the ${part} folders under s3://${layout.bucket}/${folder} are spelled like \
${logQuoted(other)}, but ${layout.source} partitions point at folders spelled ${expected}: every partition \
would point at a folder without logs, so nothing was written. Check that ${input(Inputs.Source)} names the \
logs under this folder; if AWS writes ${layout.source} logs this way, please report it.`
  }
}
