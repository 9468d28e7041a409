/**
 * Global set-up of the end-to-end tests: they run the bundles in dist/, so after an edit of src/
 * without `npm run package` they would test the old code. Refuses, with one line that says what
 * to run, when dist/ was built from other source than the source as it is now.
 */
import { staleDist } from '../../scripts/source-hash.mjs'

export default async function freshDist() {
  const why = await staleDist()
  if (!why) return
  // One line and out: a thrown error would bury the fix under jest's stack trace.
  process.stderr.write(
    `The end-to-end tests run the bundles in dist/, and ${why}: run \`npm run package\` first.\n`
  )
  process.exit(1)
}
