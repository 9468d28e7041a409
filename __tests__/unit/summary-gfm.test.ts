/**
 * The job summary as GitHub shows it: rendered by a GFM renderer (micromark with its GFM extension,
 * HTML passed through as GitHub passes the summary's), then read as a person reads the page. No
 * backslash of a Markdown escape shows, the `<details>` titles read as plain text, and no table has
 * an empty header row.
 */
import { CallStats } from '../../src/aws/clients.js'
import { renderMarkdown, type Block } from '../../src/report/document.js'
import { renderSummary } from '../../src/report/summary.js'
import { seriesKey } from '../../src/vocabulary/keys.js'
import { htmlText, renderGfm } from '../helpers/hostile.js'
import { account, daySet, organization, REGIONS, report, YESTERDAY } from '../helpers/sync-report.js'

/** What a reader sees of the page: the text, outside code (where a backslash is the value's own). */
function visibleText(html: string): string {
  return htmlText(html.replace(/<code>[\s\S]*?<\/code>/g, ''))
}

function busyReport(dryRun: boolean) {
  const org = organization(40, REGIONS, YESTERDAY)
  org.desired.set('999999999999', ['eu-west-1'])
  org.glue.set(seriesKey(account(5), 'us-east-1'), daySet(YESTERDAY, ['2026-10-01']))
  org.foreign = {
    total: 1,
    location: 1,
    bySeries: new Map([[seriesKey(account(2), 'eu-west-1'), { location: 1, form: 0 }]])
  }
  return report(org, { dryRun, regionsSkipped: ['ap-south-1'] })
}

describe.each([
  ['a sync', false],
  ['a dry run', true]
])('the job summary of %s, rendered as GitHub renders it', (_what, dryRun) => {
  const html = renderGfm(renderSummary(busyReport(dryRun), new CallStats()))

  it('shows no backslash of a Markdown escape', () => {
    expect(visibleText(html)).not.toContain('\\')
  })

  it('titles its collapsed sections in plain text', () => {
    const titles = [...html.matchAll(/<summary>([\s\S]*?)<\/summary>/g)].map((match) => htmlText(match[1]!))
    expect(titles).toEqual([
      `Every changed series by pattern (201 series, ${dryRun ? '+ would add, − would remove' : '+ added, − removed'})`
    ])
  })

  it('has a header in every table, the first one included', () => {
    const headers = [...html.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((match) =>
      [...match[1]!.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((cell) => htmlText(cell[1]!).trim())
    )
    expect(headers.length).toBeGreaterThanOrEqual(3)
    expect(headers[0]).toEqual(['What', 'This run'])
    for (const header of headers) expect(header).not.toContain('')
  })
})

it('escapes for HTML, not for Markdown, in a <details> title, and nothing in it takes effect', () => {
  const details: Block = {
    kind: 'details',
    summary: 'a <b>bold</b> & [link](https://x) *em* @octocat (2 series, + added)\n\nsecond paragraph',
    blocks: [{ kind: 'paragraph', line: 'inside' }]
  }
  const html = renderGfm(renderMarkdown([details]))
  const title = /<summary>([\s\S]*?)<\/summary>/.exec(html)![1]!
  expect(title).not.toMatch(/<b>|<a |<em>/)
  expect(htmlText(title)).toBe(
    'a <b>bold</b> & [link](https://x) *em* @octocat (2 series, + added) second paragraph'
  )
  // The mention is broken, as everywhere in the summary.
  expect(title).toContain('@\u2060octocat')
  expect(html).toContain('<p>inside</p>')
})
